using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest multi</c> runs the memory workload, the command flood and the chaos engine at once:
/// all four latency series measured in one result, ops the sum of their work, no command error, and each chaos
/// kind keeps its recovery promise (as in StresstestChaosRecoveryTests).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestMultiTests
{
    private readonly BootedKernel _kernel;

    public StresstestMultiTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task MemoryCommandsAndChaosRunTogether()
    {
        SessionResult session = await _kernel.RunAsync("stresstest multi --duration 1500 --fail-rate 20 --seed 3 --rate 300");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("multi", result.GetProperty("test").GetString());
        // Every fault of a kind the kernel always recovers from is recovered; only a device outage that outlasts
        // its driver's give-up may fail, and then the run is PARTIAL naming the device.
        JsonElement kinds = result.GetProperty("chaos_kinds");
        foreach (string kind in StresstestChaosRecoveryTests.AlwaysRecovered)
            Assert.Equal(kinds.GetProperty(kind).GetProperty("injected").GetInt64(), kinds.GetProperty(kind).GetProperty("recovered").GetInt64());
        string[] failedDevices = StresstestChaosRecoveryTests.Devices.Where(d => kinds.GetProperty(d).GetProperty("failed").GetInt64() > 0).ToArray();
        Assert.Equal(failedDevices.Length == 0 ? "PASS" : "PARTIAL", result.GetProperty("verdict").GetString());
        Assert.All(failedDevices, d => Assert.Contains(d, result.GetProperty("reason").GetString()));
        string[] names = result.GetProperty("histograms").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "alloc_latency", "command_latency", "recovery_latency", "event_latency", "oom_recovery_latency" }, names);
        JsonElement histograms = result.GetProperty("histograms");
        Assert.True(histograms.GetProperty("alloc_latency").GetProperty("count").GetInt64() > 0);
        Assert.True(StressSession.Counter(result, "commands") > 0);
        Assert.True(StressSession.Counter(result, "events") > 0);
        Assert.Equal(0, StressSession.Counter(result, "command_errors"));
    }
}
