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

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress boot [--arch] [--smp N] [--memory MB]</c>: boots the kernel with this terminal as
/// its UART. QEMU runs in the foreground with <c>-serial mon:stdio</c>: the terminal is raw, so
/// Ctrl-C reaches the kernel, and Ctrl-A X quits QEMU. <c>--gdb [PORT]</c> adds QEMU's gdbstub.
/// </summary>
public static class BootCommand
{
    public const string QuitHelp = "To quit: type 'poweroff' at the ks> prompt, or press Ctrl-A then X (Ctrl-A H lists QEMU's other Ctrl-A keys; Ctrl-C goes to the kernel, not to QEMU).";

    private static readonly MachineOptions s_machine = new();

    private static readonly Option<int?> s_gdb = GdbStub.Option("--gdb",
        $"Start QEMU's gdbstub on TCP PORT (default {GdbStub.DefaultPort}) and print the gdb-multiarch command line that attaches with the image's symbols (docs/debugging.md)");

    public static Command Create()
    {
        var command = new Command("boot",
            "Boot the kernel in QEMU with this terminal as its UART and use the shell at the ks> prompt by hand. " + QuitHelp
            + " Exit codes: 0 QEMU stopped (poweroff or Ctrl-A X), 2 the kernel panicked or QEMU failed.");
        command.Options.Add(s_gdb);
        s_machine.AddTo(command);
        command.SetAction((parse, ct) => HandleAsync(s_machine.Read(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct,
            GdbStub.From(parse, s_gdb, stoppedAtStart: false)));
        return command;
    }

    public static async Task<int> HandleAsync(MachineChoice machine, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken, GdbStub? gdb = null)
    {
        MachineProfile profile = machine.Profile;
        string image = await KernelBuild.EnsureImageAsync(profile, machine.AllowBuild, stdErr, cancellationToken).ConfigureAwait(false);
        QemuCommandLine commandLine = QemuCommandLine.Create(profile, image, machine.MemoryMb, machine.Smp, SerialMode.Interactive).With(gdb?.QemuArguments ?? []);

        stdErr.WriteLine($"kstress: booting {profile.Image} on {profile.Name} ({machine.MemoryMb} MiB, {machine.Smp} CPU{(machine.Smp == 1 ? "" : "s")}).");
        stdErr.WriteLine($"kstress: {QuitHelp}");
        if (gdb is not null)
        {
            stdErr.WriteLine($"kstress: gdbstub on port {gdb.Port}; in another terminal: {gdb.GdbCommandLine(profile.Target)}");
        }
        stdErr.Flush();

        Process process = commandLine.Start(redirect: false);

        using (process)
        {
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
            }

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
}
