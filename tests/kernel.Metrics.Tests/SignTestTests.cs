// SignTest and PairedComparison against binomial values worked out by hand
// (C(n, k) / 2^n) and against a direct sum over every outcome.
using System;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class SignTestTests
{
    [Theory]
    [InlineData(8, 0, 2.0 / 256)]        // 2 * C(8,0) / 2^8
    [InlineData(7, 1, 2.0 * 9 / 256)]    // 2 * (1 + 8) / 2^8
    [InlineData(6, 2, 2.0 * 37 / 256)]   // 2 * (1 + 8 + 28) / 2^8
    [InlineData(0, 5, 2.0 / 32)]
    [InlineData(10, 0, 2.0 / 1024)]
    [InlineData(9, 1, 2.0 * 11 / 1024)]
    [InlineData(4, 4, 1.0)]
    [InlineData(3, 2, 1.0)]              // 2 * (1 + 5 + 10) / 32 = 1
    [InlineData(1, 0, 1.0)]
    [InlineData(0, 0, 1.0)]
    public void Matches_the_exact_binomial_tail(int lower, int higher, double expected)
    {
        Assert.Equal(expected, SignTest.TwoSidedP(lower, higher), 12);
    }

    [Fact]
    public void Agrees_with_a_direct_sum_of_both_tails_for_every_split_up_to_40()
    {
        for (int n = 1; n <= 40; n++)
        {
            for (int lower = 0; lower <= n; lower++)
            {
                int extreme = Math.Min(lower, n - lower);
                double both = 0;
                for (int x = 0; x <= n; x++)
                {
                    if (x <= extreme || x >= n - extreme)
                    {
                        both += Binomial(n, x) / Math.Pow(2, n);
                    }
                }
                Assert.Equal(Math.Min(1, both), SignTest.TwoSidedP(lower, n - lower), 10);
            }
        }
    }

    [Fact]
    public void Eight_of_eight_is_significant_at_five_percent_and_seven_of_eight_is_not()
    {
        Assert.True(SignTest.TwoSidedP(8, 0) < 0.05);
        Assert.False(SignTest.TwoSidedP(7, 1) < 0.05);
    }

    [Fact]
    public void Paired_comparison_drops_ties_from_the_test_and_takes_the_median_ratio()
    {
        double[] off = [100, 90, 110, 100, 50];
        double[] on = [50, 45, 55, 100, 100];
        PairedComparison c = PairedComparison.Of(off, on, new double[5]);
        Assert.Equal(5, c.Pairs);
        Assert.Equal(3, c.Lower);
        Assert.Equal(1, c.Higher);
        Assert.Equal(1, c.Ties);
        Assert.Equal(5, c.Ratios);
        Assert.Equal(0.5, c.MedianRatio, 12);   // ratios 0.5, 0.5, 0.5, 1, 2
        Assert.Equal(SignTest.TwoSidedP(3, 1), c.PValue, 12);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        double[] off = [10, 10, 10, 10];
        double[] on = [4, 8, 6, 12];
        PairedComparison c = PairedComparison.Of(off, on, new double[4]);
        Assert.Equal(0.7, c.MedianRatio, 12);   // 0.4 0.6 | 0.8 1.2
    }

    [Fact]
    public void A_zero_baseline_has_a_ratio_only_when_both_are_zero()
    {
        double[] off = [0, 0, 4];
        double[] on = [0, 3, 2];
        PairedComparison c = PairedComparison.Of(off, on, new double[3]);
        Assert.Equal(2, c.Ratios);
        Assert.Equal(0.75, c.MedianRatio, 12);  // 0.5 and 1
        Assert.Equal(1, c.Lower);
        Assert.Equal(1, c.Higher);
        Assert.Equal(1, c.Ties);
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 0; i < k; i++)
        {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }
}
