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
using KernelStress.Tool.History;
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

    private static readonly HistoryOptions s_history = new(writes: true);

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

    private static readonly Option<string?> s_kcidb = KernelCi.KcidbOutput.CreateOption();
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

        /// <summary>Where to store the sessions; null stores nothing.</summary>
        public HistoryLocation? History { get; init; }
        public string? KcidbPath { get; init; }
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
            s_kcidb,
        };
        s_machine.AddTo(command);
        s_history.AddTo(command);
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
                History = s_history.Read(parse),
                KcidbPath = parse.GetValue(s_kcidb),
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
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        ScriptedCommands.Validate(settings.Commands);
        SeedPlan.RequireUsed(settings.Commands, settings.Seed);
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
        SessionResult?[] started;
        if (Consoles.IsInteractive(stdOut))
        {
            started = await console.Progress().AutoClear(false).HideCompleted(false)
                .StartAsync(ctx => SessionBatch.RunAsync(options, seeds, settings.Parallel, launcher, new LiveProgress(ctx, settings.Repeat),
                    settings.Quiet || settings.Parallel > 1 ? null : new AnsiLineWriter(console), stdErr, cancellationToken))
                .ConfigureAwait(false);
        }
        else
        {
            bool echo = !settings.Quiet && settings.Parallel == 1;
            started = await SessionBatch.RunAsync(options, seeds, settings.Parallel, launcher, echo ? null : new PlainProgress(stdErr, settings.Repeat),
                echo ? stdOut : null, stdErr, cancellationToken).ConfigureAwait(false);
        }

        List<SessionResult> sessions = started.OfType<SessionResult>().ToList();
        List<RunReport> reports = sessions.Select(s => s.Report).ToList();
        new SessionOutputs(settings.JsonPath, settings.LogPath, settings.JUnitPath, settings.CsvPath, settings.KtapPath).Write(sessions);
        HistoryRecorder.TryRecord(settings.History, () => RunFacts.ForQemu(profile, image, options.Smp, options.MemoryMb, startedUtc), reports, stdErr);
        KernelCi.KcidbOutput.Write(settings.KcidbPath, reports, KernelCi.KcidbEnvironment.ForProfile(settings.Machine.Profile), settings.Commands);
        if (reports.Count > 0)
        {
            console.Write(SummaryTable.Sessions(reports));
            if (settings.Repeat > 1)
            {
                console.Write(SummaryTable.Variability(Variability.Compute(reports)));
                stdErr.WriteLine(BootStatistics.Line(reports.Where(r => r.BootMs is not null).Select(r => r.BootMs!.Value).ToList(), settings.Repeat));
            }
        }
        IEnumerable<ExitCode> traced = settings.TracePath is not { } trace ? [] : started.Select((s, i) => s is null ? ExitCode.Pass
            : TraceFile.Write(settings.Repeat == 1 ? trace : SessionOutputs.Numbered(trace, i + 1), s.Report.Records, stdErr)).ToList();
        return (int)WorstExitCode.Of(sessions.Select(s => s.ExitCode).Concat(traced));
    }
}
