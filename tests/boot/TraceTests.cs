using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Tracing;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>trace on|dump</c> around a real chaos run with a sacrificial fault: the dump's records carry
/// every kind the run makes happen (switches, interrupt entry and exit, the fault, chaos events,
/// autonomy interventions, heap counters), the end record's counts add up per CPU (appended =
/// dumped + lost), and the converted trace nests. <c>--events</c> is the negative control: with only
/// chaos enabled no other kind appears. Three switch benchmarks overflow the ring: the dump holds the
/// newest Capacity entries and reports the rest as lost.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class TraceTests
{
    private readonly BootedKernel _kernel;

    public TraceTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ChaosRunTraceHoldsEveryKindAndAddsUp()
    {
        SessionResult session = await _kernel.RunAsync("autonomy on", "trace on", "fault pf",
            "stresstest chaos --duration 2000 --fail-rate 30 --seed 7 --summary", "trace dump");

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        Dictionary<string, int> kinds = Events(session).GroupBy(e => e[1].GetString()!).ToDictionary(g => g.Key, g => g.Count());
        foreach (string kind in new[] { "switch", "irq_enter", "irq_exit", "fault", "chaos", "intervention", "heap" })
        {
            Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind} event in the dump; kinds: {string.Join(", ", kinds)}");
        }
        JsonElement end = End(session);
        long[] appended = Longs(end, "appended"), dumped = Longs(end, "dumped"), lost = Longs(end, "lost");
        Assert.Equal(appended.Length, lost.Length);
        for (int cpu = 0; cpu < appended.Length; cpu++)
        {
            Assert.Equal(appended[cpu], dumped[cpu] + lost[cpu]);
        }
        Assert.Equal(Events(session).Count(), dumped.Sum());

        ChromeTrace trace = new TraceConverter().Convert(session.Report.Records)!;
        Assert.Empty(TraceNesting.Violations(trace.TraceEvents));
        Assert.Contains(trace.TraceEvents, e => e.Ph == "X" && e.Cat == "thread" && (string)e.Args!["thread"] == "shell");
        Assert.Contains(trace.TraceEvents, e => e.Ph == "i" && e.Cat == "fault");
    }

    [Fact]
    public async Task EventsFlagRecordsOnlyTheKindsNamed()
    {
        SessionResult session = await _kernel.RunAsync("trace on --events chaos", "fault pf",
            "stresstest chaos --duration 1000 --seed 7 --summary", "trace dump");

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        Assert.NotEmpty(Events(session));
        Assert.All(Events(session), e => Assert.Equal("chaos", e[1].GetString()));
    }

    [Fact]
    public async Task OverflowKeepsTheNewestAndCountsTheLost()
    {
        // Each bench switch is 4,000 switches or more, shared by the CPUs its two threads run on (on
        // arm64 often both): six overflow a ring even when two CPUs share them evenly.
        SessionResult session = await _kernel.RunAsync("trace on --events switch",
            "bench switch", "bench switch", "bench switch", "bench switch", "bench switch", "bench switch", "trace off", "trace dump");

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        JsonElement end = End(session);
        long capacity = end.GetProperty("capacity").GetInt64();
        long[] appended = Longs(end, "appended"), dumped = Longs(end, "dumped"), lost = Longs(end, "lost");
        int busiest = System.Array.IndexOf(appended, appended.Max());
        Assert.True(appended[busiest] > capacity, $"the benchmarks appended only {appended[busiest]} entries on CPU {busiest}, not more than the ring's {capacity}");
        Assert.Equal(capacity, dumped[busiest]);
        Assert.Equal(appended[busiest] - capacity, lost[busiest]);
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("trace: dumped in ") && l.Text.Contains($"lost {lost[busiest]};"));
    }

    private static IEnumerable<JsonElement> Events(SessionResult session) =>
        session.Report.Records.Where(r => r.GetProperty("type").GetString() == "trace" && r.GetProperty("part").GetString() == "events")
            .SelectMany(r => r.GetProperty("events").EnumerateArray());

    private static JsonElement End(SessionResult session) =>
        session.Report.Records.Single(r => r.GetProperty("type").GetString() == "trace" && r.GetProperty("part").GetString() == "end");

    private static long[] Longs(JsonElement record, string name) => record.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
