using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest chaos --fail-rate 100 --expect-failures</c>: a fault goes into every event, every event
/// type (the seed's ten, the kernel-level ones and the simulated device's two) runs at least once, the
/// kernel does not panic, at least half the faults are recovered (so PASS), the counters add up, and
/// the heap ends where it started. Seed 2394's first 19 events cover every type (the sequence depends
/// on the seed alone; kernel.Prng's host twin computes it).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestChaosRecoveryTests
{
    private const string Command = "stresstest chaos --fail-rate 100 --expect-failures --duration 3000 --seed 2394 --verbose";

    private static readonly string[] EventTypes =
    {
        "memory_spike", "memory_release", "autonomy_flip", "command_burst", "telemetry_storm", "hot_retrain",
        "deadline_pressure", "prediction_storm", "workload_spike", "memory_churn", "thread_restart",
        "sacrificial_fault", "timer_storm", "heap_corruption", "network_partition", "disk_stall",
    };

    private readonly BootedKernel _kernel;

    public StresstestChaosRecoveryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryRecoveryPathRunsWithoutAPanic()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        Assert.Null(session.Report.Error);
        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        long events = StressSession.Counter(result, "events");
        Assert.Equal(events, StressSession.Counter(result, "faults_injected"));
        Assert.Equal(events, StressSession.Counter(result, "recovered") + StressSession.Counter(result, "recovery_failed"));
        Assert.True(StressSession.Counter(result, "success_pct") >= 50);
        Assert.Equal("recovery_latency", result.GetProperty("histograms").EnumerateObject().First().Name);

        var sequence = StressSession.ChaosSequence(StressSession.OutputOf(session, Command));
        Assert.Equal(events, sequence.Count);
        Assert.All(sequence, e => Assert.EndsWith("fault=yes", e));
        foreach (string type in EventTypes)
        {
            Assert.Contains(sequence, e => e.Split(' ')[1] == type);
            Assert.Equal(sequence.Count(e => e.Split(' ')[1] == type), StressSession.Counter(result, "events_" + type));
        }

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
        Assert.True(mem[1].GetProperty("corruptions_detected").GetInt64() > mem[0].GetProperty("corruptions_detected").GetInt64());
        Assert.NotEmpty(StressSession.Records(session, "fault"));
    }
}
