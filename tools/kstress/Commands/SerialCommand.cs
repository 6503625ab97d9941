using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Serial;
using KernelStress.Tool.Sessions;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress serial --port DEVICE [--baud 115200] -c CMD [-c CMD]... [--json FILE] [--log FILE]</c>:
/// the <c>run</c> session over a real serial port (a board on a USB serial cable): wait for the
/// kernel's boot record and prompt while the person powers on or resets the board, type each
/// command, type poweroff, end at the bye record, and judge with the same parser, report and
/// exit codes as <c>run</c>.
/// </summary>
public static class SerialCommand
{
    private static readonly Option<string> s_port = new("--port")
    {
        Description = "The serial device the board's UART is on, e.g. /dev/ttyUSB0 (a USB serial cable) or /dev/pts/N (QEMU's -serial pty)",
        HelpName = "DEVICE",
        Required = true,
    };

    private static readonly Option<int> s_baud = new("--baud")
    {
        Description = "Line speed (8N1, no flow control); the kernel's PL011 runs at 115200",
        HelpName = "BAUD",
        DefaultValueFactory = _ => 115200,
    };

    private static readonly Option<string[]> s_commands = new("--command", "-c")
    {
        Description = "A shell command to type at the ks> prompt; repeat -c for several, run in order. poweroff is typed after the last one.",
        HelpName = "CMD",
    };

    private static readonly Option<string?> s_json = new("--json")
    {
        Description = "Write the session as JSON (the same schema as run)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_log = new("--log")
    {
        Description = "Write the raw UART bytes (kstress parse reads them back)",
        HelpName = "FILE",
    };

    private static readonly Option<int> s_bootTimeout = new("--boot-timeout")
    {
        Description = "Seconds to wait for the boot record and the first prompt: power on or reset the board within this time",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<int> s_timeout = new("--timeout")
    {
        Description = "Per-command limit in seconds for the prompt to come back; no output at all in that time is reported as a hang",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 60,
    };

    private static readonly Option<bool> s_quiet = new("--quiet", "-q")
    {
        Description = "Do not echo the UART to the console",
    };

    static SerialCommand()
    {
        foreach (Option<int> option in new[] { s_baud, s_bootTimeout, s_timeout })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() <= 0)
                {
                    result.AddError($"{option.Name} must be a positive number, not {result.GetValueOrDefault<int>()}");
                }
            });
        }
    }

    public sealed record Settings(
        string Port,
        int Baud,
        IReadOnlyList<string> Commands,
        string? JsonPath,
        string? LogPath,
        TimeSpan BootTimeout,
        TimeSpan CommandTimeout,
        bool Quiet);

    public static Command Create()
    {
        var command = new Command("serial",
            "Run a session with a board over a real serial port instead of QEMU: start this, then power on or reset the board. "
            + "Types each -c command at the ks> prompt, then poweroff, and ends at the kernel's bye record. "
            + "Exit codes as for run: 0 pass; 1 a command answered 'error: ...' or a result said FAIL; "
            + "2 the port could not be opened, no boot record or prompt in time, a hang, a panic, corrupt records; 64 bad arguments.")
        {
            s_port,
            s_baud,
            s_commands,
            s_json,
            s_log,
            s_bootTimeout,
            s_timeout,
            s_quiet,
        };
        command.SetAction((parse, ct) => HandleAsync(
            new Settings(
                parse.GetValue(s_port)!,
                parse.GetValue(s_baud),
                parse.GetValue(s_commands) ?? Array.Empty<string>(),
                parse.GetValue(s_json),
                parse.GetValue(s_log),
                TimeSpan.FromSeconds(parse.GetValue(s_bootTimeout)),
                TimeSpan.FromSeconds(parse.GetValue(s_timeout)),
                parse.GetValue(s_quiet)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> HandleAsync(Settings settings, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken)
    {
        ScriptedCommands.Validate(settings.Commands);
        var profile = SerialProfile.For(settings.Port, (int)settings.BootTimeout.TotalSeconds, (int)settings.CommandTimeout.TotalSeconds);
        SessionOptions options = SessionOptions.ForProfile(profile, imagePath: "", settings.Commands);
        stdErr.WriteLine($"kstress: listening on {settings.Port} at {settings.Baud} 8N1: power on or reset the board now "
            + $"(waiting up to {settings.BootTimeout.TotalSeconds:0} s for its boot record and prompt)");

        var runner = new SessionRunner(new SerialLauncher(settings.Port, settings.Baud), settings.Quiet ? null : new UartConsole(stdOut));
        SessionResult result = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
        new SessionOutputs(settings.JsonPath, settings.LogPath).Write([result]);
        SessionSummary.Write(result, stdErr, "");
        return (int)result.ExitCode;
    }
}
