using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest chaos --fail-rate 100 --expect-failures</c>: a fault goes into every event of a kind that
/// takes one (memory_spike, deadline_pressure and timer_storm take none: docs/chaos-recovery.md), every event
/// type runs at least once, the kernel does not panic, and each kind keeps its promise: every fault of a
/// kind the kernel always recovers from is recovered, a device outage may outlast the driver's give-up
/// (then it counts failed), the per-kind counts add up to the totals, and the heap ends where it started.
/// Seed 2394's first 19 events cover every type (the sequence depends on the seed alone; kernel.Prng's host
/// twin computes it).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestChaosRecoveryTests
{
    private const string Command = "stresstest chaos --fail-rate 100 --expect-failures --duration 3000 --seed 2394 --verbose";

    internal static readonly string[] AlwaysRecovered =
    {
        "memory_release", "autonomy_flip", "command_burst", "telemetry_storm", "hot_retrain", "prediction_storm",
        "workload_spike", "memory_churn", "thread_restart", "sacrificial_fault", "heap_corruption",
    };

    internal static readonly string[] Devices = { "network_partition", "disk_stall" };

    private static readonly string[] WithoutFault = { "memory_spike", "deadline_pressure", "timer_storm" };

    private readonly BootedKernel _kernel;

    public StresstestChaosRecoveryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryKindKeepsItsRecoveryPromise()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        Assert.Null(session.Report.Error);
        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        JsonElement kinds = result.GetProperty("chaos_kinds");
        Assert.Equal(AlwaysRecovered.Concat(Devices).OrderBy(k => k), kinds.EnumerateObject().Select(k => k.Name).OrderBy(k => k));
        foreach (string kind in AlwaysRecovered)
        {
            JsonElement k = kinds.GetProperty(kind);
            Assert.True(k.GetProperty("injected").GetInt64() >= 1, kind);
            Assert.Equal(k.GetProperty("injected").GetInt64(), k.GetProperty("recovered").GetInt64());
            Assert.True(k.GetProperty("recovery_max_ns").GetInt64() > 0, kind);
            Assert.False(k.GetProperty("sabotaged").GetBoolean());
        }
        foreach (string kind in Devices)
        {
            JsonElement k = kinds.GetProperty(kind);
            Assert.True(k.GetProperty("injected").GetInt64() >= 1, kind);
            Assert.Equal(k.GetProperty("injected").GetInt64(), k.GetProperty("recovered").GetInt64() + k.GetProperty("failed").GetInt64());
        }
        long injected = kinds.EnumerateObject().Sum(k => k.Value.GetProperty("injected").GetInt64());
        long recovered = kinds.EnumerateObject().Sum(k => k.Value.GetProperty("recovered").GetInt64());
        Assert.Equal(injected, StressSession.Counter(result, "faults_injected"));
        Assert.Equal(recovered, StressSession.Counter(result, "recovered"));
        Assert.Equal(injected - recovered, StressSession.Counter(result, "recovery_failed"));
        Assert.Equal("recovery_latency", result.GetProperty("histograms").EnumerateObject().First().Name);

        var sequence = StressSession.ChaosSequence(StressSession.OutputOf(session, Command));
        Assert.Equal(StressSession.Counter(result, "events"), sequence.Count);
        foreach (string type in AlwaysRecovered.Concat(Devices).Concat(WithoutFault))
        {
            Assert.Contains(sequence, e => e.Split(' ')[1] == type);
            Assert.Equal(sequence.Count(e => e.Split(' ')[1] == type), StressSession.Counter(result, "events_" + type));
        }
        Assert.All(sequence, e => Assert.EndsWith(WithoutFault.Contains(e.Split(' ')[1]) ? "fault=no" : "fault=yes", e));
        Assert.Contains(StressSession.OutputOf(session, Command), l => l.StartsWith("    heap_corruption: injected="));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
        Assert.True(mem[1].GetProperty("corruptions_detected").GetInt64() > mem[0].GetProperty("corruptions_detected").GetInt64());
        Assert.NotEmpty(StressSession.Records(session, "fault"));
    }
}
