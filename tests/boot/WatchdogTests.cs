using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The soft-lockup watchdog: a thread that spins for 1.5 s with interrupts off on CPU 1 stops that
/// CPU's tick; CPU 0 notices after the 1 s threshold, asks CPU 1 where it is (x64: an NMI; arm64: a FIQ), and emits a
/// <c>stall</c> record naming the CPU, the thread and its pc; when the spin ends the CPU ticks again
/// and a "recovered" record gives the whole stall's length. The kernel goes on.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class WatchdogTests
{
    private readonly BootedKernel _kernel;

    public WatchdogTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AStalledCpuIsReportedWithItsStateAndItsRecovery()
    {
        SessionResult session = await _kernel.RunWithCpusAsync(2, "spin 1500 --interrupts-off --cpu 1", "sleep 2500", "watchdog", "echo alive");

        // The spin's stall on CPU 1: its detection, then its recovery. (On a loaded host QEMU's CPUs
        // can be paused for over a second; the watchdog reports those too, truthfully.)
        JsonElement[] stalls = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "stall"
                && r.GetProperty("cpu").GetInt32() == 1)
            .SkipWhile(s => !(s.TryGetProperty("thread", out JsonElement t) && t.GetString() == "spin"))
            .Take(2).ToArray();
        Assert.Equal(new[] { "detected", "recovered" }, stalls.Select(s => s.GetProperty("phase").GetString()));

        JsonElement detected = stalls[0];
        Assert.InRange(detected.GetProperty("stalled_ms").GetInt64(), 1000, 1500);
        Assert.Equal("spin", detected.GetProperty("thread").GetString());
        Assert.True(detected.GetProperty("state_captured").GetBoolean());
        Assert.NotEqual("0x0000000000000000", detected.GetProperty("pc").GetString());
        // The stall lasts the spin, and a late first tick after it at most adds to that.
        Assert.InRange(stalls[1].GetProperty("stalled_ms").GetInt64(), 1490, 2000);

        JsonElement watchdog = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "watchdog");
        Assert.True(watchdog.GetProperty("stalls_detected").GetInt64() >= 1);
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }

    [Fact]
    public async Task SpinRejectsACpuThatIsNotOnline()
    {
        SessionResult session = await _kernel.RunWithCpusAsync(2, "spin 10 --cpu 5");
        Assert.Contains(BootedKernel.Lines(session), l => l.Text == "error: spin: --cpu expects an online CPU from 0 to 1, got '5'");
    }
}
