using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The files <c>kstress flash --board rpi3</c> writes for a Raspberry Pi 3's SD card: their
/// kernel8.img boots to the prompt under QEMU's raspi3b (qemu/rpi3.json): cores 1-3 stay parked on the firmware's spin
/// table until the kernel releases them, the PL011 at 0x3F201000 answers, RAM comes from the VideoCore mailbox, the core timer
/// ticks through the BCM2836 local controller, a page fault in a sacrificial thread is reported and
/// survived, and poweroff (the watchdog) ends QEMU. It shares the collection so no two QEMUs run at once.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RaspberryPi3BootTests
{
    [ArmFact]
    public async Task Rpi3ImageBootsToThePromptUnderRaspi3b()
    {
        MachineProfile profile = ProfileCatalog.Load().ForBoard("arm64", "rpi3");
        string card = Directory.CreateTempSubdirectory("kstress-sd").FullName;
        var flashOut = new StringWriter();
        var flashErr = new StringWriter();
        int flashed = await CommandLineHost.InvokeAsync(Program.Root, new[] { "flash", "--board", "rpi3", "--out", card }, flashOut, flashErr, handleSignals: false);
        Assert.True(flashed == 0, flashErr.ToString());
        string image = Path.Combine(card, "kernel8.img");
        Assert.Equal(File.ReadAllBytes(RepoRoot.Resolve(profile.Image)), File.ReadAllBytes(image));
        Assert.Contains("arm_64bit=1", File.ReadAllText(Path.Combine(card, "config.txt")));
        Assert.Contains("GPIO 15", File.ReadAllText(Path.Combine(card, "README.txt")));

        var transcript = new StringWriter();
        SessionOptions options = SessionOptions.ForProfile(profile, image, new[] { "version", "mem", "sleep 200", "uptime", "fault pf" });
        SessionResult session = await new SessionRunner(QemuMachine.Launcher, new UartConsole(transcript)).RunAsync(options, CancellationToken.None);

        Assert.True(session.Report.Verdict == Verdict.Pass, $"{session.Report.Verdict}: {session.Report.Error}\n{transcript}");
        Assert.InRange(session.Report.BootMs!.Value, 0, profile.BootTimeoutSeconds * 1000L);
        Assert.Equal(0, session.Report.QemuExitCode);

        JsonElement boot = session.Report.Records.First();
        Assert.Equal("boot", boot.GetProperty("type").GetString());
        Assert.Equal("arm64", boot.GetProperty("arch").GetString());
        // Cores 1-3 were released from the firmware's spin table and checked in.
        Assert.Equal(profile.Smp.Default, boot.GetProperty("cpus").GetInt32());

        // The firmware keeps the GPU's share: the ARM gets less than the board's 1 GiB, all of it below the peripherals at 0x3F000000.
        JsonElement mem = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "mem");
        long ram = mem.GetProperty("ram_bytes").GetInt64();
        Assert.InRange(ram, 256L << 20, 0x3F00_0000L);
        Assert.InRange(mem.GetProperty("usable_bytes").GetInt64(), ram - (16L << 20), ram);

        JsonElement uptime = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "uptime");
        // The core timer's interrupt reaches the kernel through the local controller (how fast
        // depends on how QEMU's four emulated cores share the host; the clock test is on virt).
        Assert.True(uptime.GetProperty("ticks").GetInt64() > 0, transcript.ToString());
        Assert.Equal(0, uptime.GetProperty("unexpected_interrupts").GetInt64());

        JsonElement fault = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "fault");
        Assert.Equal(0x25, fault.GetProperty("vector").GetInt32());
        Assert.Equal("0x0000000100000000", fault.GetProperty("far").GetString());
        Assert.Equal("bye", session.Report.Records.Last().GetProperty("type").GetString());
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("KernelStress ") && l.Text.EndsWith(" (arm64)"));
        Directory.Delete(card, recursive: true);
    }
}
