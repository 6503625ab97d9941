using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>bench</c> measures kernel heap alloc+free for 16 B..64 KiB, the thread context switch and the
/// timer-interrupt latency: one PASS result record each, every histogram holding every measurement; the heap and pages end
/// where they started, and a repeat run allocates no managed object.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class BenchTests
{
    private static readonly int[] HeapSizes = { 16, 64, 256, 1024, 4096, 16384, 65536 };

    private readonly BootedKernel _kernel;

    public BenchTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task BenchRecordsEveryMeasurementAndLeavesMemoryAsItFoundIt()
    {
        SessionResult session = await _kernel.RunAsync("mem", "bench", "mem", "bench", "mem");

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        JsonElement[] results = session.Report.Results.ToArray();
        Assert.Equal(new[] { "bench_heap", "bench_switch", "bench_timer", "bench_heap", "bench_switch", "bench_timer" }, results.Select(r => r.GetProperty("test").GetString()));
        foreach (JsonElement heap in results.Where(r => r.GetProperty("test").GetString() == "bench_heap"))
        {
            JsonElement histograms = heap.GetProperty("histograms");
            foreach (int size in HeapSizes)
            {
                JsonElement h = histograms.GetProperty($"alloc_free_{size}");
                Assert.Equal(heap.GetProperty("iterations").GetInt64(), h.GetProperty("count").GetInt64());
                Assert.InRange(h.GetProperty("p50_ns").GetInt64(), 1, h.GetProperty("p99_ns").GetInt64());
            }
        }
        foreach (JsonElement sw in results.Where(r => r.GetProperty("test").GetString() == "bench_switch"))
        {
            Assert.Equal(sw.GetProperty("round_trips").GetInt64(), sw.GetProperty("histograms").GetProperty("context_switch").GetProperty("count").GetInt64());
        }

        foreach (JsonElement timer in results.Where(r => r.GetProperty("test").GetString() == "bench_timer"))
        {
            JsonElement h = timer.GetProperty("histograms").GetProperty("timer_irq_latency");
            Assert.Equal(timer.GetProperty("samples").GetInt64(), h.GetProperty("count").GetInt64());
            // A handler cannot run before its tick is due, nor (at 1 kHz) a whole tick late at the median.
            Assert.InRange(h.GetProperty("p50_ns").GetInt64(), 1, 1_000_000);
        }

        JsonElement[] mem = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "mem").ToArray();
        Assert.All(mem, m => Assert.Equal(mem[0].GetProperty("pages_free").GetInt64(), m.GetProperty("pages_free").GetInt64()));
        Assert.All(mem, m => Assert.Equal(0, m.GetProperty("heap_in_use_bytes").GetInt64()));
        Assert.Equal(mem[1].GetProperty("managed_allocations").GetInt64(), mem[2].GetProperty("managed_allocations").GetInt64());
    }
}
