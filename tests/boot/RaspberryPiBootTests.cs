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
/// The files <c>kstress flash --board rpi3|rpi4</c> writes for a Raspberry Pi's SD card: their
/// kernel8.img boots to the prompt under QEMU's raspi3b (qemu/rpi3.json) and raspi4b
/// (qemu/arm64-rpi4.json). RAM and the core count come from the VideoCore mailbox; cores 1-3 stay
/// parked on the firmware's spin table until the kernel releases them, then run the scheduler's
/// self-test threads and take their own ticks; the PL011 answers typed commands (its interrupt
/// through the BCM2835 controller on a Pi 3, the GIC-400 on a Pi 4); every self-test suite passes;
/// each fault kind in a sacrificial thread is reported and survived with no page lost; a CPU spinning
/// with interrupts off is reported by the watchdog (its state fetched with a FIQ) and recovers; and
/// poweroff (the watchdog) ends QEMU. It shares the collection so no two QEMUs run at once.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RaspberryPiBootTests
{
    private static readonly string[] s_faults = ArchFacts.For("arm64").RaisableFaults.Select(f => $"fault {f.Kind}").ToArray();

    private static readonly string[] s_commands = new[] { "version", "mem", "selftest", "sleep 200", "cpus", "uptime" }
        .Concat(s_faults)
        .Concat(new[] { "mem", "spin 1500 --interrupts-off --cpu 1", "sleep 2500", "watchdog", "echo alive" })
        .ToArray();

    [RaspberryPiFact("rpi3")]
    public Task Rpi3ImageBootsToThePromptUnderRaspi3b() => FlashedImageRunsEverythingAsync("rpi3");

    [RaspberryPiFact("rpi4")]
    public Task Rpi4ImageBootsToThePromptUnderRaspi4b() => FlashedImageRunsEverythingAsync("rpi4");

    private static async Task FlashedImageRunsEverythingAsync(string board)
    {
        MachineProfile profile = ProfileCatalog.Load().ForBoard("arm64", board);
        string card = Directory.CreateTempSubdirectory("kstress-sd").FullName;
        var flashOut = new StringWriter();
        var flashErr = new StringWriter();
        int flashed = await CommandLineHost.InvokeAsync(Program.Root, new[] { "flash", "--board", board, "--out", card }, flashOut, flashErr, handleSignals: false);
        Assert.True(flashed == 0, flashErr.ToString());
        string image = Path.Combine(card, "kernel8.img");
        Assert.Equal(File.ReadAllBytes(RepoRoot.Resolve(profile.Image)), File.ReadAllBytes(image));
        Assert.Contains("arm_64bit=1", File.ReadAllText(Path.Combine(card, "config.txt")));
        Assert.Contains("GPIO 15", File.ReadAllText(Path.Combine(card, "README.txt")));

        var transcript = new StringWriter();
        SessionOptions options = SessionOptions.ForProfile(profile, image, s_commands);
        SessionResult session = await new SessionRunner(QemuMachine.Launcher, new UartConsole(transcript)).RunAsync(options, CancellationToken.None);

        Assert.True(session.Report.Verdict == Verdict.Pass, $"{session.Report.Verdict}: {session.Report.Error}\n{transcript}");
        Assert.InRange(session.Report.BootMs!.Value, 0, profile.BootTimeoutSeconds * 1000L);
        Assert.Equal(0, session.Report.QemuExitCode);

        JsonElement boot = session.Report.Records.First();
        Assert.Equal("boot", boot.GetProperty("type").GetString());
        Assert.Equal("arm64", boot.GetProperty("arch").GetString());
        // The core count the board revision names; cores 1-3 were released from the spin table and checked in.
        Assert.Equal(profile.Smp.Default, boot.GetProperty("cpus").GetInt32());

        // The firmware keeps the GPU's share of the first GiB (QEMU: 64 MiB); the rest of the
        // board's RAM (profile memory_mb: 1 GiB on a Pi 3, 2 GiB on a Pi 4, whose second GiB the
        // board revision announces) is the kernel's.
        JsonElement[] mem = Records(session, "mem");
        long ram = mem[0].GetProperty("ram_bytes").GetInt64();
        long boardRam = (long)profile.MemoryMb.Default << 20;
        Assert.InRange(ram, boardRam - (256L << 20), boardRam);
        Assert.InRange(mem[0].GetProperty("usable_bytes").GetInt64(), ram - (16L << 20), ram);

        JsonElement cpus = Records(session, "cpus").Single();
        Assert.Equal(profile.Smp.Default, cpus.GetProperty("online").GetInt32());
        // Each core's own timer ticks (1 kHz) through the board's controller: at least the 200 ms slept.
        Assert.All(cpus.GetProperty("cpus").EnumerateArray(), c => Assert.True(c.GetProperty("ticks").GetInt64() >= 200, $"CPU {c.GetProperty("cpu")} took {c.GetProperty("ticks")} ticks"));

        // Every suite, the scheduler's pinned threads on all four cores among them.
        JsonElement[] selftests = Records(session, "selftest");
        Assert.Equal(5, selftests.Length);
        Assert.All(selftests, s => Assert.True(s.GetProperty("verdict").GetString() == "PASS", $"suite {s.GetProperty("suite")} failed: {s}"));

        JsonElement uptime = Records(session, "uptime").Single();
        Assert.True(uptime.GetProperty("ticks").GetInt64() > 0, transcript.ToString());
        Assert.Equal(0, uptime.GetProperty("unexpected_interrupts").GetInt64());

        JsonElement[] faults = Records(session, "fault");
        FaultFacts[] kinds = ArchFacts.For("arm64").RaisableFaults.ToArray();
        Assert.Equal(kinds.Select(f => f.Vector!.Value), faults.Select(r => r.GetProperty("vector").GetInt32()));
        Assert.Equal(ArchFacts.For("arm64").Fault("pf").FaultAddress, faults[kinds.ToList().FindIndex(f => f.Kind == "pf")].GetProperty("far").GetString());
        Assert.Equal(mem[0].GetProperty("pages_free").GetInt64(), mem[1].GetProperty("pages_free").GetInt64());

        // The spin's stall on CPU 1, then its recovery (the same bounds as the watchdog test on virt).
        JsonElement[] stalls = Records(session, "stall").Where(s => s.GetProperty("cpu").GetInt32() == 1)
            .SkipWhile(s => !(s.TryGetProperty("thread", out JsonElement t) && t.GetString() == "spin")).Take(2).ToArray();
        Assert.Equal(new[] { "detected", "recovered" }, stalls.Select(s => s.GetProperty("phase").GetString()));
        Assert.True(stalls[0].GetProperty("state_captured").GetBoolean(), transcript.ToString());
        Assert.InRange(stalls[1].GetProperty("stalled_ms").GetInt64(), 1490, 2000);

        Assert.Equal("bye", session.Report.Records.Last().GetProperty("type").GetString());
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("KernelStress ") && l.Text.EndsWith(" (arm64)"));
        Assert.Contains(BootedKernel.Lines(session), l => l.Text == "alive");
        Directory.Delete(card, recursive: true);
    }

    private static JsonElement[] Records(SessionResult session, string type) =>
        session.Report.Records.Where(r => r.GetProperty("type").GetString() == type).ToArray();
}
