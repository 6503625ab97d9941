using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest recovery</c> kills the supervised service thread again and again: every kill is followed by a
/// restart and an answered request, both timed (restart_latency, first_success_latency), and the thread table and
/// heap are back where they were (a killed thread's stack is freed by the supervisor's Join).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressRecoveryTests
{
    private const string Command = "stresstest recovery --kills 8";

    private readonly BootedKernel _kernel;

    public StressRecoveryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryKillIsRecoveredAndTimed()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("recovery", result.GetProperty("test").GetString());
        Assert.NotEqual("FAIL", result.GetProperty("verdict").GetString());
        Assert.Equal(8, StressSession.Counter(result, "faults_injected"));
        Assert.Equal(8, StressSession.Counter(result, "recovered"));
        Assert.Equal(0, StressSession.Counter(result, "recovery_failed"));
        Assert.Equal(0, StressSession.Counter(result, "failed"));

        JsonElement histograms = result.GetProperty("histograms");
        Assert.Equal(new[] { "restart_latency", "first_success_latency" }, histograms.EnumerateObject().Select(h => h.Name));
        foreach (JsonProperty h in histograms.EnumerateObject())
        {
            Assert.Equal(8, h.Value.GetProperty("count").GetInt64());
            Assert.True(h.Value.GetProperty("p50_ns").GetInt64() > 0);
        }
        Assert.True(histograms.GetProperty("first_success_latency").GetProperty("min_ns").GetInt64()
            >= histograms.GetProperty("restart_latency").GetProperty("min_ns").GetInt64());
        Assert.Contains(StressSession.OutputOf(session, Command), l => l.StartsWith("  Kills: 8, restarts 8, recovered 8, failed 0"));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
