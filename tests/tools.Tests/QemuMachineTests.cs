using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The real process path of <see cref="QemuMachine"/> with a shell script in QEMU's place: it
/// prints a boot record and the prompt, then hangs. The runner must report the hang and leave
/// no process behind.
/// </summary>
public class QemuMachineTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task HungProcessIsKilledAndLeavesNoOrphan()
    {
        // The marker is in the script's path (the shell's command line) and in sleep's argument.
        string marker = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString();
        string dir = Directory.CreateTempSubdirectory("kstress-fakeqemu-" + marker).FullName;
        string script = Path.Combine(dir, "fake-qemu");
        File.WriteAllText(script,
            "#!/bin/sh\n"
            + "printf 'fake qemu %s\\r\\n' \"$*\"\n"
            + $"printf '%s\\r\\n' '{Uart.Boot()}'\n"
            + "printf 'ks> '\n"
            + $"sleep 3000.{marker}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            MachineProfile x64 = ProfileCatalog.Load().ForArch("x64");
            MachineProfile fake = new()
            {
                Comment = x64.Comment,
                Name = "fake",
                Arch = "x64",
                Binary = script,
                Package = "none",
                Image = "kernel.bin",
                MemoryMb = x64.MemoryMb,
                Smp = x64.Smp,
                Args = new() { "{image}", "{serial}" },
                ExitCodes = x64.ExitCodes,
                BootTimeoutSeconds = 10,
                CommandTimeoutSeconds = 1,
            };
            SessionOptions options = SessionOptions.ForProfile(fake, "/img/kernel.bin", new[] { "version" });

            // The first line typed is the runner's own records on, which the fake never answers.

            SessionResult result = await new SessionRunner(QemuMachine.Launcher, null).RunAsync(options, CancellationToken.None);

            Assert.Equal(Verdict.Hang, result.Report.Verdict);
            Assert.Contains("hang: the prompt after 'records on' did not come within 1 s", result.Report.Error);
            Assert.StartsWith("fake qemu /img/kernel.bin stdio -qmp unix:", result.Tail.First());
            // The fake opens no monitor socket: the CPUs could not be read, and the report says why.
            Assert.Contains("could not read the CPUs through QEMU's monitor", result.Report.Error);
            Assert.Single(result.Report.Records);
            Assert.False(ProcessWithMarkerExists(marker), "the fake QEMU outlived the session");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task MissingBinaryIsAClearInfrastructureError()
    {
        MachineProfile x64 = ProfileCatalog.Load().ForArch("x64");
        QemuCommandLine line = QemuCommandLine.Create(x64, "/img", 128, 1, SerialMode.Stdio) with { FileName = "/nonexistent/qemu-system-x86_64" };

        KstressException e = Assert.Throws<KstressException>(() => QemuMachine.Start(line));

        Assert.Equal(ExitCode.Infrastructure, e.ExitCode);
        Assert.StartsWith("cannot start /nonexistent/qemu-system-x86_64: ", e.Message);
        await Task.CompletedTask;
    }

    private static bool ProcessWithMarkerExists(string marker)
    {
        foreach (string proc in Directory.GetDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(proc, "cmdline")).Contains(marker))
                {
                    return true;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return false;
    }
}
