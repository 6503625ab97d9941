using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// Drives one scripted session over the UART: start QEMU, wait for the first prompt, type
/// <c>records on</c> (records arrive framed whatever a person set), type each command followed by
/// "\r" and wait for the next prompt, type <c>poweroff</c>, wait for QEMU to exit, and judge. Used by <c>run</c> and by the boot tests, so both see the same behaviour.
///
/// Every wait is bounded: the first prompt by the profile's boot timeout, each command's prompt
/// by the command timeout (reported as a hang when the kernel printed nothing but the echo,
/// otherwise as too slow), QEMU's exit after poweroff by the boot timeout again. On every path,
/// including cancellation, QEMU is stopped before <see cref="RunAsync"/> returns.
/// </summary>
public sealed class SessionRunner
{
    private static readonly TimeSpan s_drainTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_statusWait = TimeSpan.FromSeconds(1.5);
    // Five register samples and a stack read per CPU through QEMU's monitor; a loaded host is slow.
    private static readonly TimeSpan s_captureTime = TimeSpan.FromSeconds(5);

    /// <summary>Ctrl-T: the kernel prints its thread table (kernel/shell/StatusKey.cs).</summary>
    private const byte StatusKey = 0x14;

    private readonly IMachineLauncher _launcher;
    private readonly UartConsole? _console;
    private readonly Action<UartEvent>? _onEvent;

    /// <param name="console">Where to echo the UART as it arrives; null for silence.</param>
    /// <param name="onEvent">Sees every parser event as it happens (run's progress display).</param>
    public SessionRunner(IMachineLauncher launcher, UartConsole? console, Action<UartEvent>? onEvent = null)
    {
        _launcher = launcher;
        _console = console;
        _onEvent = onEvent;
    }

    public async Task<SessionResult> RunAsync(SessionOptions options, CancellationToken cancellationToken)
    {
        var session = new Session(options, _console, _onEvent);
        QemuCommandLine commandLine = QemuCommandLine.Create(options.Profile, options.ImagePath, options.MemoryMb, options.Smp, SerialMode.Stdio).With(options.ExtraQemuArguments);
        var clock = Stopwatch.StartNew();
        IMachine machine = _launcher.Start(commandLine);
        session.Machine = machine;
        try
        {
            await session.DriveAsync(clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            session.Interrupted = true;
            session.Problems.Add("interrupted (Ctrl-C or SIGTERM) before the session finished");
        }
        finally
        {
            await session.FinishAsync().ConfigureAwait(false);
            await machine.DisposeAsync().ConfigureAwait(false);
        }
        return session.Result();
    }

    private enum Wait
    {
        Reached,
        Exited,
        TimedOut,
        Silent,
        Panicked,
    }

    /// <summary>The state of one session; lives for one <see cref="RunAsync"/> call.</summary>
    private sealed class Session
    {
        private readonly SessionOptions _options;
        private readonly UartConsole? _console;
        private readonly Action<UartEvent>? _onEvent;
        private readonly UartStreamParser _parser = new();
        private readonly ReportBuilder _builder = new(commandsFromEcho: false);
        private readonly MemoryStream _log = new();
        private bool _outputEnded;
        private IReadOnlyList<CpuSnapshot>? _stuckCpus;
        private long? _bootMs;
        private int? _exitCode;

        public Session(SessionOptions options, UartConsole? console, Action<UartEvent>? onEvent)
        {
            _options = options;
            _console = console;
            _onEvent = onEvent;
        }

        public IMachine Machine { get; set; } = null!;

        public List<string> Problems { get; } = new();

        // A wait ended in silence: the kernel stopped answering (the report's HANG).
        public bool Hung { get; private set; }

        public bool Interrupted { get; set; }

        private MachineProfile Profile => _options.Profile;

        public async Task DriveAsync(Stopwatch clock, CancellationToken ct)
        {
            Wait boot = await WaitAsync(e => e is PromptShown, _options.BootTimeout, ct).ConfigureAwait(false);
            if (boot != Wait.Reached)
            {
                await CollectExitAsync(boot).ConfigureAwait(false);
                Report(boot, "the first prompt", $"within {Seconds(_options.BootTimeout)} of starting QEMU", "");
                await InspectStuckKernelAsync(boot).ConfigureAwait(false);
                return;
            }
            _bootMs = clock.ElapsedMilliseconds;
            if (_options.KeepsRecordsOn && !await SetRecordsOnAsync(ct).ConfigureAwait(false))
            {
                return;
            }
            foreach (string command in _options.Commands)
            {
                _builder.BeginCommand(command);
                var commandClock = Stopwatch.StartNew();
                long typedAt = _log.Length;
                Wait answered = await TypeAndWaitAsync(command, ct).ConfigureAwait(false);
                _builder.EndCommand(commandClock.ElapsedMilliseconds, answered == Wait.Reached);
                if (answered != Wait.Reached)
                {
                    await NoPromptAsync(command, answered, typedAt).ConfigureAwait(false);
                    return;
                }
                // A person's records setting among the commands must not hide the records after it.
                if (_options.KeepsRecordsOn && command.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["records", ..]
                    && !await SetRecordsOnAsync(ct).ConfigureAwait(false))
                {
                    return;
                }
            }

            await TypeAsync(ReportBuilder.PowerOffCommand, ct).ConfigureAwait(false);
            Wait end = Profile.PoweroffExits
                ? await WaitAsync(_ => false, _options.BootTimeout, ct).ConfigureAwait(false)
                : await WaitAsync(e => e is RecordReceived { Record.Type: "bye" }, _options.BootTimeout, ct).ConfigureAwait(false);
            await CollectExitAsync(end).ConfigureAwait(false);
            if (Profile.PoweroffExits && end != Wait.Exited && end != Wait.Panicked)
            {
                Problems.Add($"QEMU did not exit within {Seconds(_options.BootTimeout)} after poweroff");
            }
            await InspectStuckKernelAsync(end).ConfigureAwait(false);
            if (_builder.Bye is null)
            {
                Problems.Add("no bye record after poweroff");
            }
            if (_exitCode is int code && Profile.Meaning(code)?.Means != QemuExit.Poweroff)
            {
                Problems.Add($"QEMU exited {ExitText()} after poweroff{StderrHint()}");
            }
        }

        private async Task<Wait> TypeAndWaitAsync(string command, CancellationToken ct)
        {
            await TypeAsync(command, ct).ConfigureAwait(false);
            return await WaitAsync(e => e is PromptShown, _options.CommandTimeout, ct).ConfigureAwait(false);
        }

        /// <summary>Types <c>records on</c>, not one of the session's commands; false (the session ends) when its prompt did not come.</summary>
        private async Task<bool> SetRecordsOnAsync(CancellationToken ct)
        {
            long typedAt = _log.Length;
            Wait answered = await TypeAndWaitAsync(ReportBuilder.RecordsOnCommand, ct).ConfigureAwait(false);
            if (answered != Wait.Reached)
            {
                await NoPromptAsync(ReportBuilder.RecordsOnCommand, answered, typedAt).ConfigureAwait(false);
            }
            return answered == Wait.Reached;
        }

        /// <summary>Why the prompt after a typed line did not come, and what the stuck kernel shows.</summary>
        private async Task NoPromptAsync(string command, Wait how, long typedAt)
        {
            await CollectExitAsync(how).ConfigureAwait(false);
            // The echo of the command and its line end are the kernel repeating us, not answering.
            bool answeredAtAll = _log.Length - typedAt > Encoding.UTF8.GetByteCount(command) + 2;
            Report(how == Wait.TimedOut && !answeredAtAll ? Wait.Silent : how,
                $"the prompt after '{command}'", $"within {Seconds(_options.CommandTimeout)}",
                $" (raise --timeout if '{command}' needs longer)");
            await InspectStuckKernelAsync(how).ConfigureAwait(false);
        }

        /// <summary>Stops QEMU if it still runs and reads what it printed last, without the (possibly cancelled) caller token.</summary>
        public async Task FinishAsync()
        {
            if (!_outputEnded)
            {
                Machine.Kill();
                await WaitAsync(_ => false, s_drainTime, CancellationToken.None).ConfigureAwait(false);
            }
            foreach (UartEvent e in _parser.Complete())
            {
                Observe(e);
            }
        }

        public SessionResult Result()
        {
            RunReport report = _builder.Build(Problems, _bootMs, _exitCode, _options.Symbolizer, Hung, _stuckCpus);
            return new SessionResult
            {
                Report = report,
                Log = _log.ToArray(),
                Tail = _builder.Tail.ToList(),
                QemuStderr = Machine.ErrorOutput,
                Interrupted = Interrupted,
            };
        }

        private async Task TypeAsync(string command, CancellationToken ct) =>
            await Machine.WriteAsync(Encoding.UTF8.GetBytes(command + "\r"), ct).ConfigureAwait(false);

        /// <summary>
        /// Reads the UART until <paramref name="until"/> matches an event, the output ends, a
        /// panic record arrives, or <paramref name="limit"/> passes.
        /// </summary>
        private async Task<Wait> WaitAsync(Func<UartEvent, bool> until, TimeSpan limit, CancellationToken ct)
        {
            if (_outputEnded)
            {
                return Wait.Exited;
            }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(limit);
            while (true)
            {
                byte[]? chunk;
                try
                {
                    chunk = await Machine.ReadAsync(timer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return Wait.TimedOut;
                }

                if (chunk is null)
                {
                    _outputEnded = true;
                    return Wait.Exited;
                }
                _log.Write(chunk);
                bool reached = false;
                bool panicked = false;
                foreach (UartEvent e in _parser.Feed(chunk))
                {
                    Observe(e);
                    reached |= until(e);
                    panicked |= e is RecordReceived { Record.Type: "panic" };
                }
                if (reached)
                {
                    return Wait.Reached;
                }
                if (panicked)
                {
                    return Wait.Panicked;
                }
            }
        }

        private void Observe(UartEvent e)
        {
            _builder.Observe(e);
            _console?.Show(e);
            _onEvent?.Invoke(e);
        }

        /// <summary>
        /// A prompt that did not come in time, from a kernel still running: before QEMU is stopped,
        /// press Ctrl-T (the kernel's status key prints its thread table from interrupt context, if
        /// a CPU still takes interrupts) and read where every CPU is through the emulator (a deadlock,
        /// a lost wake-up and a runaway loop look different there).
        /// </summary>
        private async Task InspectStuckKernelAsync(Wait how)
        {
            if (how != Wait.TimedOut)
            {
                return;
            }
            await Machine.WriteAsync(new[] { StatusKey }, CancellationToken.None).ConfigureAwait(false);
            await WaitAsync(e => e is RecordReceived { Record.Type: "ps" }, s_statusWait, CancellationToken.None).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(s_captureTime);
            CpuCapture capture = await Machine.CaptureCpusAsync(timeout.Token).ConfigureAwait(false);
            _stuckCpus = capture.Cpus;
            if (capture.Problem is { } problem)
            {
                Problems.Add(problem);
            }
        }

        /// <summary>After a wait ended: let a panicking kernel finish (it stops QEMU) and take QEMU's exit code if it exited.</summary>
        private async Task CollectExitAsync(Wait how)
        {
            if (how == Wait.Panicked)
            {
                await WaitAsync(_ => false, s_drainTime, CancellationToken.None).ConfigureAwait(false);
            }
            if (!_outputEnded)
            {
                return;
            }
            using var timeout = new CancellationTokenSource(s_drainTime);
            try
            {
                _exitCode = await Machine.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The output ended but the process lingers; FinishAsync kills it.
            }
        }

        /// <summary>Records why a wait for <paramref name="what"/> failed. A panic needs no words here: the builder reports the panic record.</summary>
        private void Report(Wait how, string what, string limit, string advice)
        {
            switch (how)
            {
                case Wait.Exited:
                    Problems.Add($"QEMU exited {ExitText()} before {what}{StderrHint()}");
                    break;
                case Wait.Silent:
                    Hung = true;
                    Problems.Add($"hang: {what} did not come {limit} and the kernel printed nothing after the echo{advice}");
                    break;
                case Wait.TimedOut:
                    Problems.Add($"{what} did not come {limit}" + (_log.Length == 0 ? ": QEMU printed nothing on the UART" : "") + advice);
                    break;
            }
        }

        private string ExitText()
        {
            if (_exitCode is not int code)
            {
                return "";
            }
            ExitCodeMeaning? meaning = Profile.Meaning(code);
            return meaning is null
                ? $"with code {code}, which the {Profile.Name} profile does not list"
                : $"with code {code} ({meaning.Means.ToString().ToLowerInvariant()}: {meaning.Why})";
        }

        private string StderrHint()
        {
            string stderr = Machine.ErrorOutput.Trim();
            return stderr.Length == 0 ? "" : $"; QEMU said: {stderr.Split('\n')[^1].Trim()}";
        }

        private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
    }
}
