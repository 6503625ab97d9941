using System;
using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Comparing;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// compare's statistics on data with a known answer: a 20% shift in a log-normal sample is found
/// and its interval covers it, identical distributions are not flagged, the false-positive rate
/// over 1,000 same-distribution comparisons stays near alpha, direction decides regressed or
/// improved, and samples too small for the test fall back to separated ranges.
/// </summary>
public sealed class ComparisonTests
{
    private static readonly CompareSettings Settings = new(Threshold: 0.05, Alpha: 0.05, CompareSettings.DefaultGates);

    private static List<double> LogNormal(Random random, int n, double median, double sigma) =>
        Enumerable.Range(0, n).Select(_ => median * Math.Exp(sigma * Gaussian(random))).ToList();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void ATwentyPercentShiftInALogNormalSampleIsARegression()
    {
        var random = new Random(20);
        List<double> baseline = LogNormal(random, 20, 10_000, 0.1);
        List<double> slower = LogNormal(random, 20, 12_000, 0.1);

        MetricChange change = Comparison.CompareMetric("memory", "p99_ns", baseline, slower, Settings);

        Assert.Equal(ChangeVerdict.Regressed, change.Verdict);
        Assert.True(change.Test!.PValue < 0.001, $"p = {change.Test.PValue}");
        Assert.True(change.Test.OnLogScale);
        Assert.InRange(1.2, change.Test.Lower!.Value, change.Test.Upper!.Value);
        Assert.True(change.Test.Lower > 1.0, $"the interval {change.Test.Lower} .. {change.Test.Upper} should exclude no change");
        Assert.True(change.GateFails);
    }

    [Fact]
    public void IdenticalDistributionsAreNotFlagged()
    {
        var random = new Random(7);
        MetricChange change = Comparison.CompareMetric("memory", "p99_ns", LogNormal(random, 20, 10_000, 0.1), LogNormal(random, 20, 10_000, 0.1), Settings);

        Assert.Equal(ChangeVerdict.Same, change.Verdict);
        Assert.InRange(1.0, change.Test!.Lower!.Value, change.Test.Upper!.Value);
    }

    [Fact]
    public void FalsePositivesOverAThousandSameDistributionComparisonsStayNearAlpha()
    {
        var random = new Random(1000);
        var anyChange = new CompareSettings(Threshold: 0, Alpha: 0.05, CompareSettings.DefaultGates);
        int flagged = 0;
        for (int i = 0; i < 1000; i++)
        {
            MetricChange change = Comparison.CompareMetric("memory", "p99_ns", LogNormal(random, 10, 5_000, 0.3), LogNormal(random, 10, 5_000, 0.3), anyChange);
            flagged += change.Verdict == ChangeVerdict.Same ? 0 : 1;
        }
        Assert.InRange(flagged, 10, 70);
    }

    [Theory]
    [InlineData("throughput", 0.8, ChangeVerdict.Regressed)]
    [InlineData("throughput", 1.25, ChangeVerdict.Improved)]
    [InlineData("p99_ns", 0.8, ChangeVerdict.Improved)]
    [InlineData("histograms.alloc.p99_ns", 1.25, ChangeVerdict.Regressed)]
    [InlineData("failed", 1.25, ChangeVerdict.Regressed)]
    [InlineData("autonomy_metrics.total_interventions", 1.25, ChangeVerdict.Changed)]
    public void WhichWayIsBetterDecidesTheVerdict(string metric, double factor, ChangeVerdict expected)
    {
        var random = new Random(3);
        List<double> baseline = LogNormal(random, 12, 1_000, 0.02);
        MetricChange change = Comparison.CompareMetric("memory", metric, baseline, baseline.Select(v => v * factor).ToList(), Settings);
        Assert.Equal(expected, change.Verdict);
    }

    [Fact]
    public void TooFewSessionsForTheTestFallBackToSeparatedRanges()
    {
        // 3 vs 3: the exact test's smallest two-sided p is 0.1, so it can never reach 0.05.
        MetricChange separated = Comparison.CompareMetric("memory", "p99_ns", [1000, 1010, 990], [1500, 1480, 1530], Settings);
        Assert.True(separated.Test!.MinimumP > Settings.Alpha);
        Assert.Equal(ChangeVerdict.Regressed, separated.Verdict);

        MetricChange overlapping = Comparison.CompareMetric("memory", "p99_ns", [1000, 1200, 990], [1100, 1080, 1300], Settings);
        Assert.Equal(ChangeVerdict.Same, overlapping.Verdict);

        MetricChange withinThreshold = Comparison.CompareMetric("memory", "p99_ns", [1000], [1030], Settings);
        Assert.Equal(ChangeVerdict.Same, withinThreshold.Verdict);
        Assert.Null(withinThreshold.Test!.Lower);
    }

    [Fact]
    public void PairedReplaysFindAConsistentSlowdownThatTheSpreadHides()
    {
        var random = new Random(9);
        List<double> baseline = LogNormal(random, 5, 5_000, 0.5);
        List<(double, double)> pairs = baseline.Select(v => (v, v * 1.2 * Math.Exp(0.01 * Gaussian(random)))).ToList();

        MetricChange unpaired = Comparison.CompareMetric("memory", "p99_ns", baseline, pairs.Select(p => p.Item2).ToList(), Settings);
        MetricChange paired = Comparison.ComparePairs("memory", "p99_ns", pairs, Settings);

        Assert.Equal(ChangeVerdict.Same, unpaired.Verdict);
        Assert.Equal(ChangeVerdict.Regressed, paired.Verdict);
        Assert.InRange(1.2, paired.Test!.Lower!.Value, paired.Test.Upper!.Value);

        List<(double, double)> noise = baseline.Select(v => (v, v * Math.Exp(0.3 * Gaussian(random)))).ToList();
        Assert.Equal(ChangeVerdict.Same, Comparison.ComparePairs("memory", "p99_ns", noise, Settings).Verdict);
    }

    [Fact]
    public void GatesAreGlobsOverMetricNames()
    {
        Assert.True(Settings.IsGated("histograms.alloc_latency.p99_ns"));
        Assert.True(Settings.IsGated("throughput"));
        Assert.False(Settings.IsGated("p999_ns"));
        Assert.False(Settings.IsGated("ops"));
    }
}
