using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest memory</c> drives the real kernel heap toward the target pressure: a result record of
/// schema 1 with the agreed fields, OOM events counted and every one recovered (failed, the unrecovered
/// ones, is 0, and the run passes), the allocation latency histogram
/// first and holding one value per allocation, the seed's human lines, and the heap back at its baseline.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestMemoryTests
{
    private const string Command = "stresstest memory --duration 1000 --seed 5 --target-pressure 70 --oom-probability 60 --noise 20";

    private readonly BootedKernel _kernel;

    public StresstestMemoryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task MemoryRunReportsMeasuredPressureOomsAndLatency()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal(1, result.GetProperty("schema").GetInt32());
        Assert.Equal("memory", result.GetProperty("test").GetString());
        Assert.Equal(Command, result.GetProperty("args").GetString());
        Assert.Equal(5UL, result.GetProperty("seed").GetUInt64());
        Assert.Equal(_kernel.Arch, result.GetProperty("arch").GetString());
        Assert.True(result.GetProperty("cpus").GetInt32() >= 1);
        Assert.False(result.GetProperty("autonomy").GetBoolean());
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("reason").GetString()));

        long ops = StressSession.Counter(result, "ops");
        long budget = StressSession.Counter(result, "mem_budget_bytes");
        Assert.True(ops > 100, $"only {ops} allocations in a second");
        Assert.True(StressSession.Counter(result, "oom_events") > 0, "no OOM event at --oom-probability 60");
        Assert.Equal(0, StressSession.Counter(result, "failed"));
        Assert.InRange(StressSession.Counter(result, "mem_peak_bytes"), budget * 60 / 100, budget);
        Assert.InRange(StressSession.Counter(result, "peak_pressure_pct"), 60, 100);
        Assert.Equal(StressSession.Counter(result, "oom_events"), StressSession.Counter(result, "oom_recoveries"));

        JsonProperty primary = result.GetProperty("histograms").EnumerateObject().First();
        Assert.Equal("alloc_latency", primary.Name);
        Assert.Equal(ops, primary.Value.GetProperty("count").GetInt64());
        Assert.InRange(primary.Value.GetProperty("p50_ns").GetInt64(), 1, primary.Value.GetProperty("p99_ns").GetInt64());
        Assert.Equal(0, result.GetProperty("autonomy_metrics").GetProperty("total_interventions").GetInt64());

        var lines = StressSession.OutputOf(session, Command);
        Assert.Contains(lines, l => l.StartsWith("[STRESSTEST] Memory completed: "));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  Alloc Latency: p50=\d+ns p95=\d+ns p99=\d+ns"));
        Assert.Contains(lines, l => l.StartsWith("Status: "));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
