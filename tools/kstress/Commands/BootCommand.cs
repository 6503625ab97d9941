using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Debugging;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress boot [--arch] [--smp N] [--memory MB] [--log FILE]</c>: boots the kernel with this
/// terminal as its UART. QEMU runs with <c>-serial mon:stdio</c> on pipes and the terminal is raw
/// (<see cref="RawTerminal"/>), so Ctrl-C reaches the kernel and Ctrl-A X quits QEMU; records are
/// shown one line each (<see cref="PersonView"/>; Ctrl-A R cycles brief, raw, hidden), and
/// --log keeps the raw UART bytes. <c>--gdb [PORT]</c> adds QEMU's gdbstub.
/// </summary>
public static class BootCommand
{
    public const string QuitHelp = "To quit: type 'poweroff' at the ks> prompt, or press Ctrl-A then X (Ctrl-A H lists QEMU's other Ctrl-A keys; Ctrl-C goes to the kernel, not to QEMU).";

    private static readonly MachineOptions s_machine = new();

    private static readonly Option<string?> s_log = new("--log")
    {
        Description = "Write the raw UART bytes (kstress parse reads them back)",
        HelpName = "FILE",
    };

    private static readonly Option<int?> s_gdb = GdbStub.Option("--gdb",
        $"Start QEMU's gdbstub on TCP PORT (default {GdbStub.DefaultPort}) and print the gdb-multiarch command line that attaches with the image's symbols (docs/debugging.md)");

    public static Command Create()
    {
        var command = new Command("boot",
            "Boot the kernel in QEMU with this terminal as its UART and use the shell at the ks> prompt by hand. " + QuitHelp
            + " Records are shown one line each; " + TerminalSession.ViewHelp
            + " Exit codes: 0 QEMU stopped (poweroff or Ctrl-A X), 2 the kernel panicked or QEMU failed.")
        {
            s_log,
            s_gdb,
        };
        s_machine.AddTo(command);
        command.SetAction((parse, ct) => HandleAsync(s_machine.Read(parse), parse.GetValue(s_log), parse.InvocationConfiguration.Error, ct,
            GdbStub.From(parse, s_gdb, stoppedAtStart: false)));
        return command;
    }

    public static async Task<int> HandleAsync(MachineChoice machine, string? logPath, TextWriter stdErr, CancellationToken cancellationToken, GdbStub? gdb = null)
    {
        MachineProfile profile = machine.Profile;
        string image = await KernelBuild.EnsureImageAsync(profile, machine.AllowBuild, stdErr, cancellationToken).ConfigureAwait(false);
        QemuCommandLine commandLine = QemuCommandLine.Create(profile, image, machine.MemoryMb, machine.Smp, SerialMode.Interactive).With(gdb?.QemuArguments ?? []);

        stdErr.WriteLine($"kstress: booting {profile.Image} on {profile.Name} ({machine.MemoryMb} MiB, {machine.Smp} CPU{(machine.Smp == 1 ? "" : "s")}).");
        stdErr.WriteLine($"kstress: {QuitHelp}");
        stdErr.WriteLine($"kstress: {TerminalSession.ViewHelp}");
        if (gdb is not null)
        {
            stdErr.WriteLine($"kstress: gdbstub on port {gdb.Port}; in another terminal: {gdb.GdbCommandLine(profile.Target)}");
        }
        stdErr.Flush();

        await using FileStream? log = logPath is null ? null : OpenLog(logPath);
        Process process = commandLine.Start(redirect: true);
        using (process)
        {
            var view = new PersonView(RecordView.Brief, TerminalWidth());
            using (RawTerminal? raw = RawTerminal.Enter())
            {
                try
                {
                    await TerminalSession.RunAsync(process, view, RawTerminal.OpenKeyboard(), Console.OpenStandardOutput(), log, stdErr, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit();
                    }
                }
            }
            stdErr.WriteLine();

            int code = process.ExitCode;
            ExitCodeMeaning? meaning = profile.Meaning(code);
            stdErr.WriteLine(meaning?.Means switch
            {
                QemuExit.Poweroff => $"kstress: QEMU exited with code {code}: the kernel powered off",
                QemuExit.Panic => $"kstress: QEMU exited with code {code}: the kernel panicked ({meaning.Why})",
                QemuExit.Crash => $"kstress: QEMU exited with code {code}: you quit (Ctrl-A X), or the machine stopped on its own ({meaning.Why})",
                _ => $"kstress: QEMU exited with code {code}, which the {profile.Name} profile does not list (QEMU's own error is above)",
            });
            return meaning?.Means == QemuExit.Panic || (meaning is null && code != 0) ? (int)ExitCode.Infrastructure : (int)ExitCode.Pass;
        }
    }

    private static FileStream OpenLog(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Usage, $"cannot write --log '{path}': {e.Message}: check the directory exists and is writable");
        }
    }

    // The terminal's columns, or the width a 160-column terminal has when it cannot be asked.
    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 160;
        }
        catch (IOException)
        {
            return 160;
        }
    }
}
