// AutonomyMetrics: the seed's counters under their record names, the
// intervention invariants, snapshot and reset.
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class AutonomyMetricsTests
{
    [Fact]
    public void Counters_are_named_after_the_seed_list_in_order()
    {
        string[] expected =
        [
            "proactive_compactions", "oom_preventions", "pressure_predictions", "deadline_adjustments",
            "priority_boosts", "rebalances", "policy_updates", "exploration_actions", "exploitation_actions",
            "total_interventions", "successful_interventions",
        ];
        Assert.Equal(AutonomyMetrics.CounterCount, expected.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Encoding.ASCII.GetString(AutonomyMetrics.CounterName(i)));
        }
        Assert.True(AutonomyMetrics.CounterName(AutonomyMetrics.CounterCount).IsEmpty);
    }

    [Fact]
    public void Each_action_counts_into_its_own_counter_only()
    {
        var a = new AutonomyMetrics(1);
        var s = new AutonomySnapshot();
        for (int action = 0; action <= (int)AutonomyAction.Exploitation; action++)
        {
            a.Reset();
            a.RecordAction((AutonomyAction)action);
            a.Snapshot(s);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
            {
                Assert.Equal(i == action ? 1UL : 0UL, s.Value(i));
            }
        }
    }

    [Fact]
    public void Interventions_count_totals_successes_and_latency_together()
    {
        var a = new AutonomyMetrics(1);
        a.RecordIntervention(2_000, true);
        a.RecordIntervention(8_000, false);
        var s = new AutonomySnapshot();
        a.Snapshot(s);

        Assert.Equal(2UL, s.TotalInterventions);
        Assert.Equal(1UL, s.SuccessfulInterventions);
        Assert.Equal(2UL, s.Value(AutonomyMetrics.TotalInterventions));
        HistogramSummary latency = s.InterventionLatency.Summarize();
        Assert.Equal(2UL, latency.Count);
        Assert.Equal(2_000UL, latency.Min);
        Assert.Equal(8_000UL, latency.Max);
        Assert.Equal(5_000UL, latency.Mean);
    }

    [Fact]
    public void Reset_zeroes_counters_and_latency()
    {
        var a = new AutonomyMetrics(1);
        a.RecordAction(AutonomyAction.OomPrevention);
        a.RecordIntervention(10, true);
        a.Reset();
        var s = new AutonomySnapshot();
        a.Snapshot(s);
        for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
        {
            Assert.Equal(0UL, s.Value(i));
        }
        Assert.Equal(0UL, s.InterventionLatency.Count);
    }

    [Fact]
    public void Names_are_unique_snake_case()
    {
        var names = new HashSet<string>();
        for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
        {
            string name = Encoding.ASCII.GetString(AutonomyMetrics.CounterName(i));
            Assert.Matches("^[a-z][a-z0-9_]*$", name);
            Assert.True(names.Add(name));
        }
    }
}
