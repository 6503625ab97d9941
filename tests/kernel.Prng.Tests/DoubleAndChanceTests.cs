// NextDouble: [0, 1) with 53 random bits; Chance: the requested probability.
using System;
using Xunit;

namespace KernelStress.Prng.Tests;

public class DoubleAndChanceTests
{
    [Fact]
    public void NextDouble_is_the_top_53_bits_scaled_into_the_unit_interval()
    {
        var g = new Xorshift64Star(31);
        var raw = new Xorshift64Star(31);
        for (int i = 0; i < 10_000; i++)
        {
            double d = g.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            Assert.Equal((double)(raw.NextU64() >> 11) / (1UL << 53), d);
        }
    }

    [Fact]
    public void NextDouble_is_uniform_by_chi_square()
    {
        var counts = new long[64];
        var g = new Xorshift64(123);
        for (int i = 0; i < 64_000; i++)
        {
            counts[(int)(g.NextDouble() * 64)]++;
        }
        Assert.True(Statistics.ChiSquareUniform(counts) < Statistics.ChiSquareCritical999(63));
    }

    [Fact]
    public void NextDouble_can_reach_the_largest_value_below_one()
    {
        // The largest output is (2^53 - 1) / 2^53, the double just below 1: no rounding up to 1.
        Assert.True((double)((1UL << 53) - 1) / (1UL << 53) < 1.0);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Chance_hits_with_the_requested_probability(double p)
    {
        const int draws = 100_000;
        var g = new Xorshift64Star(1000);
        int hits = 0;
        for (int i = 0; i < draws; i++)
        {
            if (g.Chance(p))
            {
                hits++;
            }
        }
        double sigma = Math.Sqrt(draws * p * (1 - p));
        Assert.InRange(Math.Abs(hits - draws * p) / sigma, 0, 5);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(-0.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(1.0, true)]
    [InlineData(3.0, true)]
    public void Chance_extremes_are_certain(double p, bool expected)
    {
        var g = new Xorshift64(4);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(expected, g.Chance(p));
        }
    }
}
