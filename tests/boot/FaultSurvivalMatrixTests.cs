using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The fault-survival matrix, one after another in one two-CPU session: every CPU exception kind and a
/// stack overflow in sacrificial threads, heap exhaustion and heap-corruption detection (the heap
/// self-test), a thread that never yields, a CPU stalled with interrupts off (the watchdog reports it),
/// and an interrupt storm at each CPU. The kernel survives all of it: no panic, the shell answers at the
/// end, and the pages and heap are where they were at the start.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class FaultSurvivalMatrixTests
{
    private readonly BootedKernel _kernel;

    public FaultSurvivalMatrixTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheKernelSurvivesEveryFaultInOneSession()
    {
        string[] faults = ArchFacts.For(_kernel.Arch).RaisableFaults.Select(f => $"fault {f.Kind}").ToArray();
        string[] commands = new[] { "mem" }.Concat(faults).Concat(new[]
        {
            "selftest heap",
            "spin 300", "echo answered while spinning",
            "spin 1200 --interrupts-off --cpu 1", "sleep 1600",
            "irqstorm 500 --target 0", "irqstorm 500 --target 1",
            "mem", "echo survived",
        }).ToArray();
        SessionResult session = await _kernel.RunWithCpusAsync(2, commands);

        Assert.DoesNotContain(session.Report.Records, r => r.GetProperty("type").GetString() == "panic");
        Assert.Equal(_kernel.PoweroffExitCode, session.Report.QemuExitCode);
        Assert.Equal(faults.Length, Records(session, "fault").Length);

        JsonElement heap = Records(session, "selftest").Single();
        Assert.Equal("PASS", heap.GetProperty("verdict").GetString());

        // The spin's stall on CPU 1, detected and then recovered. (A loaded host that pauses a CPU of
        // QEMU's for over a second gets reported too: that is the watchdog right, not wrong.)
        string[] spinStall = Records(session, "stall").Where(s => s.GetProperty("cpu").GetInt32() == 1)
            .SkipWhile(s => !(s.TryGetProperty("thread", out JsonElement t) && t.GetString() == "spin"))
            .Select(s => s.GetProperty("phase").GetString()!).Take(2).ToArray();
        Assert.Equal(new[] { "detected", "recovered" }, spinStall);

        JsonElement[] storms = session.Report.Results.Where(r => r.GetProperty("test").GetString() == "irqstorm").ToArray();
        Assert.Equal(new[] { 0, 1 }, storms.Select(s => s.GetProperty("counters").GetProperty("target_cpu").GetInt32()));
        Assert.All(storms, s => Assert.True(s.GetProperty("counters").GetProperty("ipis_received").GetInt64() > 0));
        Assert.All(storms, s => Assert.NotEqual("FAIL", s.GetProperty("verdict").GetString()));

        var lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();
        Assert.Contains("answered while spinning", lines);
        Assert.Contains("survived", lines);

        JsonElement[] mem = Records(session, "mem");
        Assert.Equal(mem[0].GetProperty("pages_free").GetInt64(), mem[1].GetProperty("pages_free").GetInt64());
        Assert.Equal(0, mem[1].GetProperty("heap_in_use_bytes").GetInt64());
    }

    private static JsonElement[] Records(SessionResult session, string type) =>
        session.Report.Records.Where(r => r.GetProperty("type").GetString() == type).ToArray();
}
