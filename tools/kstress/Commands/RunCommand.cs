using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress run -c CMD [-c CMD]... [--json FILE] [--log FILE] [--timeout S] [--repeat N]</c>:
/// a scripted session (see <see cref="SessionRunner"/>) judged by exit code: 0 pass, 1 an
/// <c>error:</c> line or a FAIL result, 2 the session could not be judged.
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
        Description = "Run the whole session N times and print boot-to-prompt statistics (--json/--log keep the last run)",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

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
    }

    /// <summary>Everything a run needs, as parsed from the command line.</summary>
    public sealed record Settings(
        MachineChoice Machine,
        IReadOnlyList<string> Commands,
        string? JsonPath,
        string? LogPath,
        TimeSpan? Timeout,
        int Repeat,
        bool Quiet);

    public static Command Create()
    {
        var command = new Command("run",
            "Boot the kernel in QEMU, type each -c command at the ks> prompt, power off, and judge the session. "
            + "The UART is echoed as it arrives (records in one-line form). "
            + "Exit codes: 0 pass; 1 a command answered 'error: ...' or a result record said FAIL; "
            + "2 no boot, no prompt in time, a hang, a panic, QEMU died or exited with an unexpected code, corrupt records; 64 bad arguments.")
        {
            s_commands,
            s_json,
            s_log,
            s_timeout,
            s_repeat,
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
                parse.GetValue(s_quiet));
            return HandleAsync(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    public static async Task<int> HandleAsync(Settings settings, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        Validate(settings.Commands);
        MachineProfile profile = settings.Machine.Profile;
        string image = await KernelBuild.EnsureImageAsync(profile, settings.Machine.AllowBuild, stdErr, cancellationToken).ConfigureAwait(false);

        SessionOptions defaults = SessionOptions.ForProfile(profile, image, settings.Commands);
        SessionOptions options = defaults with
        {
            MemoryMb = settings.Machine.MemoryMb,
            Smp = settings.Machine.Smp,
            CommandTimeout = settings.Timeout ?? defaults.CommandTimeout,
        };
        var runner = new SessionRunner(QemuMachine.Launcher, settings.Quiet ? null : new UartConsole(stdOut));

        var bootTimes = new List<long>();
        ExitCode worst = ExitCode.Pass;
        for (int i = 1; i <= settings.Repeat; i++)
        {
            if (settings.Repeat > 1)
            {
                stdErr.WriteLine($"kstress: session {i} of {settings.Repeat}");
            }
            SessionResult result = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
            WriteOutputs(settings.LogPath, settings.JsonPath, result);
            Summarize(result, stdErr);
            if (result.Report.BootMs is long ms)
            {
                bootTimes.Add(ms);
            }
            worst = Worse(worst, result.ExitCode);
            if (result.Interrupted)
            {
                break;
            }
        }

        if (settings.Repeat > 1)
        {
            stdErr.WriteLine(BootStatistics(bootTimes, settings.Repeat));
        }
        return (int)worst;
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

    /// <summary>--log and --json (also for <c>serial</c>).</summary>
    internal static void WriteOutputs(string? logPath, string? jsonPath, SessionResult result)
    {
        if (logPath is { } log)
        {
            AtomicFile.Write(log, result.Log);
        }
        if (jsonPath is { } json)
        {
            AtomicFile.Write(json, stream => new JsonReportWriter().Write(result.Report, stream));
        }
    }

    /// <summary>The verdict lines on stderr (also for <c>serial</c>).</summary>
    internal static void Summarize(SessionResult result, TextWriter stdErr)
    {
        RunReport report = result.Report;
        switch (report.Verdict)
        {
            case Verdict.Pass:
                stdErr.WriteLine($"kstress: PASS: {report.Commands.Count} command(s), {report.Records.Count} record(s), "
                    + $"boot to prompt {report.BootMs} ms, QEMU exit code {report.QemuExitCode?.ToString() ?? "none"}");
                break;
            case Verdict.Fail:
                foreach (string failure in report.FailureLines())
                {
                    stdErr.WriteLine($"kstress: FAIL: {failure}");
                }
                break;
            default:
                stdErr.WriteLine("kstress: last UART lines:");
                foreach (string line in result.Tail)
                {
                    stdErr.WriteLine("  | " + line);
                }
                if (result.QemuStderr.Trim() is { Length: > 0 } qemu)
                {
                    stdErr.WriteLine("kstress: QEMU's stderr:");
                    foreach (string line in qemu.Split('\n'))
                    {
                        stdErr.WriteLine("  | " + line.TrimEnd());
                    }
                }
                stdErr.WriteLine($"kstress: error: {report.Error}");
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
