// Percentiles against HdrHistogram as oracle (and against the exact order
// statistic) on uniform, log-normal and bimodal samples: within 1%.
// The oracle runs with 3 significant digits (0.1% resolution), so its own
// quantization does not eat the 1% budget; both use HdrHistogram's rank rule.
using System;
using HdrHistogram;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class OracleTests
{
    private static readonly double[] Percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

    [Theory]
    [InlineData("uniform")]
    [InlineData("lognormal")]
    [InlineData("bimodal")]
    public void Percentiles_are_within_one_percent_of_HdrHistogram_and_of_the_exact_value(string distribution)
    {
        const int n = 200_000;
        long[] values = distribution switch
        {
            "uniform" => Samples.Uniform(n, 1),
            "lognormal" => Samples.LogNormal(n, 2),
            _ => Samples.Bimodal(n, 3),
        };

        var ours = new LatencyHistogram(4);
        var oracle = new LongHistogram(1L << 45, 3);
        foreach (long v in values)
        {
            ours.Record((ulong)v);
            oracle.RecordValue(v);
        }
        var snapshot = new HistogramSnapshot();
        ours.Snapshot(snapshot);

        long[] sorted = (long[])values.Clone();
        Array.Sort(sorted);

        foreach (double p in Percentiles)
        {
            double got = snapshot.ValueAtPercentile(p);
            double expectedByOracle = oracle.GetValueAtPercentile(p);
            long rank = Math.Clamp((long)(p / 100 * n + 0.5), 1, n);
            double exact = sorted[rank - 1];

            Assert.True(Math.Abs(got - expectedByOracle) <= 0.01 * expectedByOracle,
                $"{distribution} p{p}: ours {got}, HdrHistogram {expectedByOracle}");
            Assert.True(Math.Abs(got - exact) <= 0.01 * exact, $"{distribution} p{p}: ours {got}, exact {exact}");
            Assert.Equal(snapshot.ValueAtPercentile(p), ours.ValueAtPercentile(p));
        }

        Assert.Equal((ulong)sorted[0], snapshot.Min);
        Assert.Equal((ulong)sorted[^1], snapshot.Max);
        Assert.Equal((ulong)oracle.TotalCount, snapshot.Count);
    }

    [Fact]
    public void Error_against_the_exact_order_statistic_never_exceeds_one_part_in_128()
    {
        long[] values = Samples.LogNormal(100_000, 9);
        var ours = new LatencyHistogram(1);
        foreach (long v in values)
        {
            ours.Record((ulong)v);
        }
        long[] sorted = (long[])values.Clone();
        Array.Sort(sorted);

        for (double p = 0.5; p < 100; p += 0.5)
        {
            long rank = Math.Clamp((long)(p / 100 * values.Length + 0.5), 1, values.Length);
            double exact = sorted[rank - 1];
            Assert.True(Math.Abs(ours.ValueAtPercentile(p) - exact) <= exact / 128, $"p{p}");
        }
    }
}
