using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest leak</c> runs its create/destroy cycles of threads, heap blocks and heap histograms and
/// measures, after each, the heap's bytes in use and held and the pages in use: one phase row per cycle,
/// zero growth over the baseline (the stated tolerance), PASS, and the heap back where it was.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressLeakTests
{
    private const string Command = "stresstest leak --cycles 12 --seed 8";

    private readonly BootedKernel _kernel;

    public StressLeakTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task CyclesLeaveNoGrowth()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("leak", result.GetProperty("test").GetString());
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        Assert.Equal(12, StressSession.Counter(result, "cycles"));
        Assert.Equal(12 * 4 * 24, StressSession.Counter(result, "ops"));
        Assert.Equal(0, StressSession.Counter(result, "failed"));
        foreach (string counter in new[] { "heap_growth_bytes", "held_growth_bytes", "pages_growth", "managed_growth_bytes" })
            Assert.Equal(0, StressSession.Counter(result, counter));

        JsonElement[] phases = result.GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"cycle_{i}"), phases.Select(p => p.GetProperty("name").GetString()));
        foreach (JsonElement phase in phases)
        {
            JsonElement counters = phase.GetProperty("counters");
            Assert.Equal(4 * 24, counters.GetProperty("ops").GetInt64());
            Assert.Equal(0, counters.GetProperty("heap_growth_bytes").GetInt64());
            Assert.Equal(0, counters.GetProperty("pages_growth").GetInt64());
            Assert.True(counters.GetProperty("pages_used").GetInt64() > 0);
        }

        Assert.Contains(StressSession.OutputOf(session, Command),
            l => l == "  Growth over the baseline after the last cycle: heap in use +0 B, held +0 B, pages +0, managed +0 B (tolerance 0)");
        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
