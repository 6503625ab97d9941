// Range: bounds, uniformity (chi-square) and absence of the modulo bias the
// seed's rand_range had. The bias test is shown to have power: the same
// statistic rejects a modulo reduction of the same generator.
using System;
using CsCheck;
using Xunit;

namespace KernelStress.Prng.Tests;

public class RangeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Range_is_uniform_by_chi_square(int span)
    {
        var counts = new long[span];
        var g = new Xorshift64Star((ulong)span * 7919);
        int draws = 200 * span;
        for (int i = 0; i < draws; i++)
        {
            counts[g.Range(-17, span - 17) + 17]++;
        }

        Assert.True(Statistics.ChiSquareUniform(counts) < Statistics.ChiSquareCritical999(span - 1));
    }

    [Fact]
    public void Range64_is_uniform_by_chi_square_over_the_top_bits()
    {
        // 16 cells over a span that is not a power of two: the cell is the draw's position scaled to [0, 16).
        const ulong span = 0xC000_0000_0000_0001;
        var counts = new long[16];
        var g = new Xorshift64Star(11);
        for (int i = 0; i < 32_000; i++)
        {
            ulong v = g.Range(0UL, span);
            counts[(int)((double)v / span * 16)]++;
        }

        Assert.True(Statistics.ChiSquareUniform(counts) < Statistics.ChiSquareCritical999(15));
    }

    // span = 3 * 2^30: modulo maps 2^32 inputs onto it, so results below 2^30
    // have two pre-images and the rest one: the first third gets 1/2 of the draws, not 1/3.
    [Fact]
    public void Range_has_no_modulo_bias_where_modulo_would_show_it()
    {
        const uint span = 3u << 30;
        const int draws = 60_000;
        var unbiased = new Xorshift64Star(2024);
        var modulo = new Xorshift64Star(2024);
        int unbiasedLow = 0, moduloLow = 0;
        for (int i = 0; i < draws; i++)
        {
            if ((uint)unbiased.Range(0UL, span) < 1u << 30)
            {
                unbiasedLow++;
            }
            if (modulo.NextU32() % span < 1u << 30)
            {
                moduloLow++;
            }
        }

        double sigma = Math.Sqrt(draws * (1.0 / 3) * (2.0 / 3));
        Assert.InRange(Math.Abs(unbiasedLow - draws / 3.0) / sigma, 0, 5);
        Assert.True(Math.Abs(moduloLow - draws / 3.0) / sigma > 50, "the test must detect modulo bias");
    }

    [Fact]
    public void Range_int_is_unbiased_on_a_span_above_int_max()
    {
        // [int.MinValue, 2^30) spans 3 * 2^30 values.
        const int draws = 60_000;
        var g = new Xorshift64(77);
        int low = 0;
        for (int i = 0; i < draws; i++)
        {
            if (g.Range(int.MinValue, 1 << 30) < int.MinValue + (1 << 30))
            {
                low++;
            }
        }

        double sigma = Math.Sqrt(draws * (1.0 / 3) * (2.0 / 3));
        Assert.InRange(Math.Abs(low - draws / 3.0) / sigma, 0, 5);
    }

    [Fact]
    public void Range_draws_stay_in_bounds_for_any_bounds_and_seed()
    {
        Gen.Select(Gen.ULong, Gen.Int, Gen.Int).Sample((seed, a, b) =>
        {
            var g = new Xorshift64Star(seed);
            for (int i = 0; i < 20; i++)
            {
                int v = g.Range(a, b);
                if (b <= a ? v != a : v < a || v >= b)
                {
                    return false;
                }
            }
            return true;
        });
    }

    [Fact]
    public void Range64_draws_stay_in_bounds_for_any_bounds_and_seed()
    {
        Gen.Select(Gen.ULong, Gen.ULong, Gen.ULong).Sample((seed, a, b) =>
        {
            var g = new Xorshift64(seed);
            for (int i = 0; i < 20; i++)
            {
                ulong v = g.Range(a, b);
                if (b <= a ? v != a : v < a || v >= b)
                {
                    return false;
                }
            }
            return true;
        });
    }

    [Fact]
    public void Empty_range_returns_min_without_consuming_a_draw()
    {
        var g = new Xorshift64Star(3);
        var reference = new Xorshift64Star(3);
        Assert.Equal(4, g.Range(4, 4));
        Assert.Equal(9, g.Range(9, -9));
        Assert.Equal(12UL, g.Range(12UL, 1UL));
        Assert.Equal(reference.NextU64(), g.NextU64());
    }

    [Fact]
    public void Full_int_range_reaches_both_signs()
    {
        var g = new Xorshift64Star(8);
        bool negative = false, positive = false;
        for (int i = 0; i < 100; i++)
        {
            int v = g.Range(int.MinValue, int.MaxValue);
            negative |= v < 0;
            positive |= v > 0;
        }
        Assert.True(negative && positive);
    }
}
