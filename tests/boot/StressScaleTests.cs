using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest scale</c> measures each listed component at each listed thread count: one phase per pair, named
/// "component_tN", with ops, failed, a measured rate, latency percentiles, CPU and heap, and efficiency against one
/// thread; the host tool's CSV has one row for the result and one for each phase, with seed 004's columns filled.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressScaleTests
{
    private const string Command = "stresstest scale --threads 1,2,4 --components alloc,sched --duration 600 --seed 11";

    private readonly BootedKernel _kernel;

    public StressScaleTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryComponentAtEveryThreadCountIsAPhaseAndACsvRow()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("scale", result.GetProperty("test").GetString());
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        JsonElement[] phases = result.GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(new[] { "alloc_t1", "alloc_t2", "alloc_t4", "sched_t1", "sched_t2", "sched_t4" },
            phases.Select(p => p.GetProperty("name").GetString()));
        long sum = 0;
        foreach (JsonElement phase in phases)
        {
            JsonElement counters = phase.GetProperty("counters");
            long ops = counters.GetProperty("ops").GetInt64();
            Assert.True(ops > 100, $"{phase.GetProperty("name")}: only {ops} operations");
            Assert.Equal(0, counters.GetProperty("failed").GetInt64());
            Assert.InRange(phase.GetProperty("duration_ms").GetInt64(), 100, 400);
            Assert.InRange(counters.GetProperty("achieved_rate_per_s").GetInt64(), 1, long.MaxValue);
            Assert.InRange(counters.GetProperty("cpu_busy_pct").GetInt64(), 0, 100);
            Assert.True(counters.GetProperty("scaling_efficiency_pct").GetInt64() > 0);
            JsonElement latency = phase.GetProperty("histograms").GetProperty("latency");
            Assert.Equal(ops, latency.GetProperty("count").GetInt64());
            Assert.InRange(latency.GetProperty("p50_ns").GetInt64(), 1, latency.GetProperty("p99_ns").GetInt64());
            sum += ops;
        }
        Assert.Equal(sum, StressSession.Counter(result, "ops"));
        Assert.Equal(100, phases[0].GetProperty("counters").GetProperty("scaling_efficiency_pct").GetInt64());

        using var stream = new System.IO.MemoryStream();
        new CsvReportWriter().Write(new[] { session.Report }, stream);
        string[] csv = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("test_name,duration,ops,failed,throughput,error_rate,p50,p95,p99,mem,cpu", csv[0].TrimEnd('\r'));
        string[] phaseRows = csv.Where(l => l.StartsWith("scale/")).ToArray();
        Assert.Equal(6, phaseRows.Length);
        Assert.All(phaseRows, row => Assert.DoesNotContain(",,", row));
        Assert.DoesNotContain(",,", csv.Single(l => l.StartsWith("scale,")));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
