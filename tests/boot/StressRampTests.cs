using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest ramp</c> runs its levels in order on the in-kernel pipeline: one phase per level with
/// the target and a measured achieved rate, latency, CPU and memory; every injected item validated
/// exactly once (none lost, none duplicated, none corrupt), the queue drained, the heap back at its baseline.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressRampTests
{
    private const string Command = "stresstest ramp --levels 20,200,1000 --level-duration 400";

    private readonly BootedKernel _kernel;

    public StressRampTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryLevelRunsAndEveryItemIsAccountedFor()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("ramp", result.GetProperty("test").GetString());
        Assert.NotEqual("FAIL", result.GetProperty("verdict").GetString());

        long injected = StressSession.Counter(result, "injected");
        Assert.InRange(injected, (20 + 200 + 1000) * 4 / 10 * 9 / 10, (20 + 200 + 1000) * 4 / 10);
        Assert.Equal(injected, StressSession.Counter(result, "ops"));
        foreach (string counter in new[] { "failed", "lost", "duplicated", "corrupt" })
            Assert.Equal(0, StressSession.Counter(result, counter));
        Assert.True(StressSession.Counter(result, "highest_sustained_rate_per_s") >= 20);

        JsonElement[] phases = result.GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(new[] { "level_20", "level_200", "level_1000" }, phases.Select(p => p.GetProperty("name").GetString()));
        long sum = 0;
        foreach (JsonElement phase in phases)
        {
            JsonElement counters = phase.GetProperty("counters");
            long target = counters.GetProperty("target_rate_per_s").GetInt64();
            Assert.InRange(phase.GetProperty("duration_ms").GetInt64(), 400, 600);
            Assert.InRange(counters.GetProperty("achieved_rate_per_s").GetInt64(), target * 6 / 10, target * 11 / 10);
            Assert.Equal(0, counters.GetProperty("lost").GetInt64());
            Assert.InRange(counters.GetProperty("cpu_busy_pct").GetInt64(), 0, 100);
            Assert.True(counters.GetProperty("mem_peak_bytes").GetInt64() >= 64);
            JsonElement latency = phase.GetProperty("histograms").GetProperty("latency");
            Assert.Equal(counters.GetProperty("ops").GetInt64(), latency.GetProperty("count").GetInt64());
            Assert.True(latency.GetProperty("p99_ns").GetInt64() > 0);
            sum += counters.GetProperty("ops").GetInt64();
        }
        Assert.Equal(injected, sum);

        var lines = StressSession.OutputOf(session, Command);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  Level 200/s: achieved \d+/s in \d+ms p50=\d+ns"));
        Assert.Contains(lines, l => l.StartsWith("  Highest sustained level: "));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
