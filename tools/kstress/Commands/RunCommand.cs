using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Debugging;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Tracing;
using KernelStress.Tool.Uart;
using Spectre.Console;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress run -c CMD [-c CMD]... [--json|--junit|--csv|--ktap|--log FILE] [--timeout S]
/// [--repeat N [--parallel N]] [--seed N]</c>: scripted sessions (see <see cref="SessionRunner"/>)
/// judged by exit code: 0 pass, 1 an <c>error:</c> line or a FAIL result, 2 a session could not
/// be judged. With --repeat each session boots afresh with its own seed.
/// </summary>
public static class RunCommand
{
    private static readonly MachineOptions s_machine = new();

    private static readonly Option<string[]> s_commands = new("--command", "-c")
    {
        Description = "A shell command to type at the ks> prompt; repeat -c for several, run in order. poweroff is typed after the last one.",
        HelpName = "CMD",
    };

    private static readonly Option<string?> s_json = new("--json")
    {
        Description = "Write the session as JSON (schema 1: verdict, boot_ms, qemu_exit_code, commands, results, records, corrupt)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_log = new("--log")
    {
        Description = "Write the raw UART bytes (kstress parse reads them back)",
        HelpName = "FILE",
    };

    private static readonly Option<int?> s_timeout = new("--timeout")
    {
        Description = "Per-command limit in seconds for the prompt to come back; no output at all in that time is reported as a hang (default: the machine profile's command_timeout_seconds)",
        HelpName = "SECONDS",
    };

    private static readonly Option<int> s_repeat = new("--repeat")
    {
        Description = "Run the whole session N times, each on a fresh boot with a new seed for stresstest commands (unless --seed); prints each seed, a variability table (mean, stddev, min, max per metric) and boot-to-prompt statistics",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<ulong?> s_seed = new("--seed")
    {
        Description = "Append --seed N to every stresstest command that has no --seed (with --repeat: the same seed in every session, a replay)",
        HelpName = "N",
    };

    private static readonly Option<int> s_parallel = new("--parallel")
    {
        Description = "With --repeat: boot up to N QEMU instances at once (the UART echo is off; progress shows per session)",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string?> s_junit = new("--junit")
    {
        Description = "Write JUnit XML: one testcase per command, failures from error lines and FAIL results, panics and hangs as errors",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_csv = new("--csv")
    {
        Description = "Write CSV with the columns test_name,duration,ops,failed,throughput,error_rate,p50,p95,p99,mem,cpu (one row per result and phase)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_ktap = new("--ktap")
    {
        Description = "Write KTAP version 1: ok / not ok per command (sessions as subtests with --repeat)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_trace = new("--trace")
    {
        Description = "Turn the kernel trace on before the first command, dump it after the last, and write it as Chrome trace-event JSON for ui.perfetto.dev (FILE.N.ext per session with --repeat)",
        HelpName = "FILE",
    };

    private static readonly Option<int?> s_gdbWait = GdbStub.Option("--gdb-wait",
        $"Start QEMU's gdbstub on TCP PORT (default {GdbStub.DefaultPort}) with the CPUs stopped at the first instruction, print the gdb-multiarch command line, and wait for the debugger to continue (boot and command time limits become an hour: a breakpoint is not a hang)");

    private static readonly Option<bool> s_quiet = new("--quiet", "-q")
    {
        Description = "Do not echo the UART to the console",
    };

    static RunCommand()
    {
        s_timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int seconds && seconds <= 0)
            {
                result.AddError($"--timeout must be a positive number of seconds, not {seconds}");
            }
        });
        s_repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--repeat must be at least 1, not {result.GetValueOrDefault<int>()}");
            }
        });
        s_parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--parallel must be at least 1, not {result.GetValueOrDefault<int>()}");
            }
        });
    }

    /// <summary>Everything a run needs, as parsed from the command line.</summary>
    public sealed record Settings(
        MachineChoice Machine,
        IReadOnlyList<string> Commands,
        string? JsonPath,
        string? LogPath,
        TimeSpan? Timeout,
        int Repeat,
        bool Quiet)
    {
        public ulong? Seed { get; init; }

        public int Parallel { get; init; } = 1;

        public string? JUnitPath { get; init; }

        public string? CsvPath { get; init; }

        public string? KtapPath { get; init; }

        public string? TracePath { get; init; }

        public GdbStub? Gdb { get; init; }
    }

    public static Command Create()
    {
        var command = new Command("run",
            "Boot the kernel in QEMU, type each -c command at the ks> prompt, power off, and judge the session. "
            + "The UART is echoed as it arrives (records in one-line form); progress records drive a progress bar on a terminal and plain lines in CI; a summary table ends the run. "
            + "Exit codes: 0 pass; 1 a command answered 'error: ...' or a result record said FAIL; "
            + "2 no boot, no prompt in time, a hang, a panic, QEMU died or exited with an unexpected code, corrupt records; 64 bad arguments.")
        {
            s_commands,
            s_json,
            s_log,
            s_junit,
            s_csv,
            s_ktap,
            s_trace,
            s_gdbWait,
            s_timeout,
            s_repeat,
            s_seed,
            s_parallel,
            s_quiet,
        };
        s_machine.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            int? timeout = parse.GetValue(s_timeout);
            var settings = new Settings(
                s_machine.Read(parse),
                parse.GetValue(s_commands) ?? Array.Empty<string>(),
                parse.GetValue(s_json),
                parse.GetValue(s_log),
                timeout is int t ? TimeSpan.FromSeconds(t) : null,
                parse.GetValue(s_repeat),
                parse.GetValue(s_quiet))
            {
                Seed = parse.GetValue(s_seed),
                Parallel = parse.GetValue(s_parallel),
                JUnitPath = parse.GetValue(s_junit),
                CsvPath = parse.GetValue(s_csv),
                KtapPath = parse.GetValue(s_ktap),
                TracePath = parse.GetValue(s_trace),
                Gdb = GdbStub.From(parse, s_gdbWait, stoppedAtStart: true),
            };
            return HandleAsync(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    public static async Task<int> HandleAsync(Settings settings, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken) =>
        await HandleAsync(settings, QemuMachine.Launcher, stdOut, stdErr, cancellationToken).ConfigureAwait(false);

    /// <param name="launcher">Starts the machines (QEMU; tests pass a fake).</param>
    public static async Task<int> HandleAsync(Settings settings, IMachineLauncher launcher, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        Validate(settings.Commands);
        if (settings.Seed is ulong unused && SeedPlan.For(settings.Commands, 1, unused, SeedPlan.Draw)[0] is null)
        {
            throw new KstressException(ExitCode.Usage, $"--seed {unused} would not be used: it is appended to stresstest commands without their own --seed, and no -c command is one; drop --seed or give the seed in the command");
        }
        if (settings.Parallel > settings.Repeat)
        {
            throw new KstressException(ExitCode.Usage, $"--parallel {settings.Parallel} is more than the {settings.Repeat} session(s) to run: use it with --repeat N (N >= {settings.Parallel})");
        }
        if (settings.Gdb is not null && settings.Repeat > 1)
        {
            throw new KstressException(ExitCode.Usage, $"--gdb-wait attaches one debugger to one boot, and --repeat {settings.Repeat} asks for {settings.Repeat}: drop one of them");
        }
        MachineProfile profile = settings.Machine.Profile;
        string image = await KernelBuild.EnsureImageAsync(profile, settings.Machine.AllowBuild, stdErr, cancellationToken).ConfigureAwait(false);

        SessionOptions defaults = SessionOptions.ForProfile(profile, image, settings.TracePath is null ? settings.Commands : TraceFile.Around(settings.Commands));
        SessionOptions options = defaults with
        {
            MemoryMb = settings.Machine.MemoryMb,
            Smp = settings.Machine.Smp,
            CommandTimeout = settings.Timeout ?? defaults.CommandTimeout,
            Symbolizer = KernelSymbols.For(profile.Target),
        };
        if (settings.Gdb is { } gdb)
        {
            options = options with { ExtraQemuArguments = gdb.QemuArguments, BootTimeout = TimeSpan.FromHours(1), CommandTimeout = TimeSpan.FromHours(1) };
            stdErr.WriteLine($"kstress: QEMU waits at the first instruction for a debugger on port {gdb.Port}; in another terminal: {gdb.GdbCommandLine(profile.Target)} -ex continue");
        }
        IReadOnlyList<ulong?> seeds = SeedPlan.For(settings.Commands, settings.Repeat, settings.Seed, SeedPlan.Draw);
        for (int i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] is ulong seed)
            {
                stdErr.WriteLine(settings.Repeat > 1 ? $"kstress: session {i + 1}: seed {seed}" : $"kstress: seed {seed}");
            }
        }

        IAnsiConsole console = Consoles.For(stdOut);
        bool live = Consoles.IsInteractive(stdOut);
        var sessions = new SessionResult[settings.Repeat];
        if (live)
        {
            await console.Progress().AutoClear(false).HideCompleted(false)
                .StartAsync(ctx => RunSessionsAsync(settings, options, seeds, launcher, new LiveProgress(ctx, settings.Repeat), settings.Quiet || settings.Parallel > 1 ? null : new AnsiLineWriter(console), sessions, stdErr, cancellationToken))
                .ConfigureAwait(false);
        }
        else
        {
            bool echo = !settings.Quiet && settings.Parallel == 1;
            await RunSessionsAsync(settings, options, seeds, launcher, echo ? null : new PlainProgress(stdErr, settings.Repeat), echo ? stdOut : null, sessions, stdErr, cancellationToken).ConfigureAwait(false);
        }

        List<RunReport> reports = sessions.Where(s => s is not null).Select(s => s.Report).ToList();
        WriteOutputs(settings, sessions.Where(s => s is not null).ToList());
        if (reports.Count > 0)
        {
            console.Write(SummaryTable.Sessions(reports));
            if (settings.Repeat > 1)
            {
                console.Write(SummaryTable.Variability(Variability.Compute(reports)));
                stdErr.WriteLine(BootStatistics(reports.Where(r => r.BootMs is not null).Select(r => r.BootMs!.Value).ToList(), settings.Repeat));
            }
        }
        ExitCode worst = ExitCode.Pass;
        foreach (SessionResult session in sessions.Where(s => s is not null))
        {
            worst = Worse(worst, session.ExitCode);
        }
        for (int i = 0; settings.TracePath is not null && i < sessions.Length; i++)
        {
            worst = sessions[i] is null ? worst : Worse(worst, TraceFile.Write(settings.Repeat == 1 ? settings.TracePath : Numbered(settings.TracePath, i + 1), sessions[i].Report.Records, stdErr));
        }
        return (int)worst;
    }

    /// <summary>Runs the sessions, up to --parallel at once, each on a fresh boot with its seed.</summary>
    private static async Task RunSessionsAsync(Settings settings, SessionOptions options, IReadOnlyList<ulong?> seeds, IMachineLauncher launcher,
        ProgressDisplay? progress, TextWriter? echo, SessionResult[] sessions, TextWriter stdErr, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(settings.Parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task>();
        for (int i = 0; i < settings.Repeat; i++)
        {
            int index = i;
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    if (settings.Repeat > 1)
                    {
                        Locked(stdErr, $"kstress: session {index + 1} of {settings.Repeat}");
                    }
                    var runner = new SessionRunner(launcher, echo is null ? null : new UartConsole(echo),
                        e => Observe(e, index + 1, progress));
                    SessionOptions mine = options with { Commands = SeedPlan.Apply(options.Commands, seeds[index]) };
                    SessionResult result = await runner.RunAsync(mine, stop.Token).ConfigureAwait(false);
                    sessions[index] = WithSeed(result, seeds[index]);
                    lock (stdErr)
                    {
                        Summarize(sessions[index], stdErr, settings.Repeat > 1 ? $"session {index + 1}: " : "");
                        if (result.Report.Verdict != Verdict.Pass && seeds[index] is ulong seed)
                        {
                            stdErr.WriteLine($"kstress: replay it: ./kstress run --seed {seed} {string.Join(" ", options.Commands.Select(c => "-c " + Quote(c)))}");
                        }
                    }
                    if (result.Interrupted)
                    {
                        stop.Cancel();
                    }
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static void Observe(UartEvent e, int session, ProgressDisplay? progress)
    {
        if (progress is not null && e is RecordReceived { Record.Type: "progress" } received)
        {
            progress.Show(session, received.Record.Body);
        }
    }

    private static SessionResult WithSeed(SessionResult result, ulong? seed) =>
        seed is null ? result : result with { Report = result.Report with { Seed = seed } };

    // A -c value as the shell needs it to come back whole.
    private static string Quote(string command) => "'" + command.Replace("'", "'\\''") + "'";

    private static void Locked(TextWriter writer, string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>The boot-to-prompt line of --repeat: median, min, max over the sessions that reached the prompt.</summary>
    public static string BootStatistics(IReadOnlyList<long> bootTimes, int sessions)
    {
        if (bootTimes.Count == 0)
        {
            return $"kstress: boot to prompt: no session of {sessions} reached the prompt";
        }
        long[] sorted = bootTimes.OrderBy(t => t).ToArray();
        double median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        return $"kstress: boot to prompt over {sorted.Length} of {sessions} sessions: median {median:0.#} ms, min {sorted[0]} ms, max {sorted[^1]} ms";
    }

    /// <summary>Usage errors in -c values (also for <c>serial</c>).</summary>
    internal static void Validate(IReadOnlyList<string> commands)
    {
        foreach (string command in commands)
        {
            if (command.IndexOfAny(new[] { '\r', '\n' }) >= 0)
            {
                throw new KstressException(ExitCode.Usage, $"-c '{command.ReplaceLineEndings(" ")}' contains a line break: give each command its own -c");
            }
            if (command.Trim().Split(' ')[0] == ReportBuilder.PowerOffCommand)
            {
                throw new KstressException(ExitCode.Usage, "-c 'poweroff' is not needed: run types poweroff itself after the last command; remove that -c");
            }
        }
    }

    /// <summary>
    /// Every output file, atomically, over all sessions: --json one report (or a repeat report),
    /// --junit/--csv/--ktap every session, --log the raw UART (FILE.N.ext per session with --repeat).
    /// </summary>
    private static void WriteOutputs(Settings settings, IReadOnlyList<SessionResult> sessions)
    {
        if (sessions.Count == 0)
        {
            return;
        }
        List<RunReport> reports = sessions.Select(s => s.Report).ToList();
        if (settings.LogPath is { } log)
        {
            for (int i = 0; i < sessions.Count; i++)
            {
                AtomicFile.Write(sessions.Count == 1 ? log : Numbered(log, i + 1), sessions[i].Log);
            }
        }
        foreach ((string? path, string format) in new[] { (settings.JsonPath, "json"), (settings.JUnitPath, "junit"), (settings.CsvPath, "csv"), (settings.KtapPath, "ktap") })
        {
            if (path is not null)
            {
                AtomicFile.Write(path, stream => ReportWriters.Get(format).Write(reports, stream));
            }
        }
    }

    /// <summary>uart.log -> uart.2.log.</summary>
    public static string Numbered(string path, int session) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{session}{Path.GetExtension(path)}");

    /// <summary>The verdict lines on stderr (also for <c>serial</c>).</summary>
    internal static void Summarize(SessionResult result, TextWriter stdErr, string prefix)
    {
        RunReport report = result.Report;
        string? hang = CrashText.Diagnosis(report.HungCpus) is { } diagnosis ? "the CPUs when the kernel stopped answering: " + diagnosis : null;
        foreach (string line in report.Crashes.SelectMany(CrashText.Lines).Concat(hang is null ? [] : [hang]).Concat(report.HungCpus.SelectMany(CrashText.Lines)))
        {
            stdErr.WriteLine($"kstress: {prefix}{line}");
        }
        switch (report.Verdict)
        {
            case Verdict.Pass:
                stdErr.WriteLine($"kstress: {prefix}PASS: {report.Commands.Count} command(s), {report.Records.Count} record(s), "
                    + $"boot to prompt {report.BootMs} ms, QEMU exit code {report.QemuExitCode?.ToString() ?? "none"}");
                break;
            case Verdict.Fail:
                foreach (string failure in report.FailureLines())
                {
                    stdErr.WriteLine($"kstress: {prefix}FAIL: {failure}");
                }
                break;
            default:
                stdErr.WriteLine($"kstress: {prefix}last UART lines:");
                foreach (string line in result.Tail)
                {
                    stdErr.WriteLine("  | " + line);
                }
                if (result.QemuStderr.Trim() is { Length: > 0 } qemu)
                {
                    stdErr.WriteLine($"kstress: {prefix}QEMU's stderr:");
                    foreach (string line in qemu.Split('\n'))
                    {
                        stdErr.WriteLine("  | " + line.TrimEnd());
                    }
                }
                stdErr.WriteLine($"kstress: {prefix}error: {report.Error}");
                break;
        }
    }

    private static ExitCode Worse(ExitCode a, ExitCode b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(ExitCode code) => code switch
    {
        ExitCode.Pass => 0,
        ExitCode.TestFailure => 1,
        ExitCode.Infrastructure => 2,
        _ => 3,
    };
}
