using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest compare memory</c> runs the same seed with autonomy off, then on: two result records
/// (autonomy false, then true), the seed's "=== Comparative Results ===" block, and a compare record
/// whose figures are the runs' own; interventions are counted only in the run with autonomy on.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestCompareTests
{
    private const string Command = "stresstest compare memory --duration 1000 --seed 7 --oom-probability 80";

    private readonly BootedKernel _kernel;

    public StresstestCompareTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task InterventionsOnlyWithAutonomyOn()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(2, results.Length);
        Assert.False(results[0].GetProperty("autonomy").GetBoolean());
        Assert.True(results[1].GetProperty("autonomy").GetBoolean());
        Assert.All(results, r => Assert.Equal(7UL, r.GetProperty("seed").GetUInt64()));
        Assert.Equal(0, results[0].GetProperty("autonomy_metrics").GetProperty("total_interventions").GetInt64());
        Assert.True(results[1].GetProperty("autonomy_metrics").GetProperty("total_interventions").GetInt64() > 0);

        JsonElement compare = Assert.Single(StressSession.Records(session, "compare"));
        Assert.Equal("memory", compare.GetProperty("test").GetString());
        JsonElement off = compare.GetProperty("off");
        JsonElement on = compare.GetProperty("on");
        Assert.Equal(StressSession.Counter(results[0], "oom_events"), off.GetProperty("oom_events").GetInt64());
        Assert.Equal(StressSession.Counter(results[1], "oom_events"), on.GetProperty("oom_events").GetInt64());
        Assert.Equal(StressSession.Counter(results[1], "peak_pressure_pct"), on.GetProperty("peak_pressure_pct").GetInt64());
        Assert.Equal(0, off.GetProperty("total_interventions").GetInt64());
        long byType = compare.GetProperty("interventions_on").EnumerateObject().Sum(p => p.Value.GetInt64());
        Assert.Equal(on.GetProperty("total_interventions").GetInt64(), byType);

        var lines = StressSession.OutputOf(session, Command);
        int block = lines.IndexOf("=== Comparative Results ===");
        Assert.True(block >= 0, string.Join("\n", lines));
        Assert.Equal("Autonomy OFF:", lines[block + 1]);
        Assert.Contains("Autonomy ON:", lines.Skip(block));
    }
}
