using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The leak workload's growth check finds a real leak: with the test-only <c>--inject-leak</c> each cycle keeps
/// one 512-byte block, the run must FAIL from the first cycle with exactly that growth reported, and the blocks
/// are freed after the check, so the heap is still back at its baseline.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressLeakInjectedTests
{
    private const string Command = "stresstest leak --cycles 6 --inject-leak";

    private readonly BootedKernel _kernel;

    public StressLeakInjectedTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AKeptBlockPerCycleFailsTheRun()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("FAIL", result.GetProperty("verdict").GetString());
        Assert.StartsWith("growth beyond the tolerance of 0 bytes and 0 pages from cycle 1: ", result.GetProperty("reason").GetString());
        Assert.Equal(6 * 512, StressSession.Counter(result, "heap_growth_bytes"));
        Assert.Equal(
            Enumerable.Range(1, 6).Select(i => i * 512L),
            result.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("counters").GetProperty("heap_growth_bytes").GetInt64()));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
