using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The autonomy claim, measured: <c>stresstest compare memory --pairs 8</c> runs seeds S..S+7 each with
/// autonomy off, then on. Over the 8 pairs the controller cuts OOM events (sign test p &lt; 0.05) while
/// the work done (ops) does not move: no sign-test difference and a median ratio near 1. Ops swing 2-4x
/// between runs of one seed when the host is loaded (QEMU gets less CPU), so the band is 0.8-1.25, not
/// 5%. The compare record's paired figures are the sixteen result records' own, and no off run ever ran
/// the controller.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestComparePairsTests
{
    private const int Pairs = 8;
    private const ulong FirstSeed = 21;
    private const string Command = "stresstest compare memory --pairs 8 --duration 3000 --seed 21 --summary";

    private readonly BootedKernel _kernel;

    public StresstestComparePairsTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AutonomyCutsOomEventsAtEqualOpsOverEightPairs()
    {
        // Sixteen 3-second runs: past the profile's per-command timeout.
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { CommandTimeout = System.TimeSpan.FromSeconds(400) }, Command);

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(2 * Pairs, results.Length);
        for (int i = 0; i < Pairs; i++)
        {
            JsonElement off = results[2 * i];
            JsonElement on = results[2 * i + 1];
            Assert.False(off.GetProperty("autonomy").GetBoolean());
            Assert.True(on.GetProperty("autonomy").GetBoolean());
            Assert.Equal(FirstSeed + (ulong)i, off.GetProperty("seed").GetUInt64());
            Assert.Equal(FirstSeed + (ulong)i, on.GetProperty("seed").GetUInt64());
            Assert.All(off.GetProperty("autonomy_metrics").EnumerateObject(), counter => Assert.Equal(0, counter.Value.GetInt64()));
        }

        JsonElement compare = Assert.Single(StressSession.Records(session, "compare"));
        Assert.Equal(Pairs, compare.GetProperty("pairs").GetInt32());
        Assert.Equal(FirstSeed, compare.GetProperty("seed").GetUInt64());
        JsonElement metrics = compare.GetProperty("metrics");
        Assert.Equal(new[] { "oom_events", "peak_pressure_pct", "avg_pressure_pct", "ops", "alloc_p99_ns" },
            metrics.EnumerateObject().Select(p => p.Name).ToArray());

        // The record's counts are the result records' own.
        long[] oomOff = Enumerable.Range(0, Pairs).Select(i => StressSession.Counter(results[2 * i], "oom_events")).ToArray();
        long[] oomOn = Enumerable.Range(0, Pairs).Select(i => StressSession.Counter(results[2 * i + 1], "oom_events")).ToArray();
        JsonElement oom = metrics.GetProperty("oom_events");
        Assert.Equal(Enumerable.Range(0, Pairs).Count(i => oomOn[i] < oomOff[i]), oom.GetProperty("on_lower").GetInt32());
        Assert.Equal(Enumerable.Range(0, Pairs).Count(i => oomOn[i] > oomOff[i]), oom.GetProperty("on_higher").GetInt32());

        string table = string.Join("\n", metrics.EnumerateObject().Select(p => $"{p.Name}: {p.Value}"));
        Assert.True(oom.GetProperty("on_lower").GetInt32() > oom.GetProperty("on_higher").GetInt32(), table);
        Assert.True(oom.GetProperty("p_value").GetDouble() < 0.05, table);
        JsonElement ops = metrics.GetProperty("ops");
        Assert.True(ops.GetProperty("p_value").GetDouble() >= 0.05, table);
        Assert.InRange(ops.GetProperty("median_ratio").GetDouble(), 0.8, 1.25);

        var lines = StressSession.OutputOf(session, Command);
        Assert.Contains(lines, l => l == $"=== Paired Results: {Pairs} pair(s), seeds {FirstSeed}..{FirstSeed + Pairs - 1} ===");
        Assert.Contains(lines, l => l.StartsWith("OOM events: median on/off ") && l.Contains("sign test p="));
        Assert.DoesNotContain("=== Comparative Results ===", lines);
    }
}
