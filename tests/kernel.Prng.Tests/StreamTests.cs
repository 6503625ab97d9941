// Per-CPU streams derived from one run seed: reproducible, distinct and
// statistically independent; the interleaved bulk generator is exactly the
// interleave of four such streams.
using System;
using System.Collections.Generic;
using CsCheck;
using Xunit;

namespace KernelStress.Prng.Tests;

public class StreamTests
{
    [Fact]
    public void Stream_seed_k_is_splitmix64_output_k()
    {
        Gen.ULong.Sample(runSeed =>
        {
            var sequence = new SplitMix64(runSeed);
            for (ulong k = 0; k < 16; k++)
            {
                Assert.Equal(sequence.NextU64(), StreamSeed.Derive(runSeed, k));
            }
        });
    }

    [Fact]
    public void Sixteen_streams_share_no_output_in_their_first_hundred_thousand_draws()
    {
        var seen = new HashSet<ulong>();
        for (ulong cpu = 0; cpu < 16; cpu++)
        {
            var g = new Xorshift64Star(StreamSeed.Derive(12345, cpu));
            for (int i = 0; i < 100_000; i++)
            {
                Assert.True(seen.Add(g.NextU64()));
            }
        }
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xDEADBEEFUL)]
    public void Streams_are_uncorrelated_pairwise_and_across_neighbouring_run_seeds(ulong runSeed)
    {
        const int n = 20_000;
        const int streams = 8;
        var draws = new double[streams + 1][];
        for (int s = 0; s < streams; s++)
        {
            draws[s] = Draw(new Xorshift64Star(StreamSeed.Derive(runSeed, (ulong)s)), n);
        }
        draws[streams] = Draw(new Xorshift64Star(StreamSeed.Derive(runSeed + 1, 0)), n);

        // Under independence r is about normal with sigma 1 / sqrt(n); allow 5 sigma.
        double bound = 5 / Math.Sqrt(n);
        for (int a = 0; a <= streams; a++)
        {
            for (int b = a + 1; b <= streams; b++)
            {
                Assert.InRange(Statistics.Correlation(draws[a], draws[b]), -bound, bound);
                Assert.InRange(Statistics.Correlation(draws[a].AsSpan(1), draws[b].AsSpan(0, n - 1)), -bound, bound);
            }
        }
    }

    [Fact]
    public void Interleaved_fill_equals_four_derived_streams_round_robin()
    {
        Gen.Select(Gen.ULong, Gen.Int[0, 67]).Sample((seed, length) =>
        {
            var filled = new ulong[length];
            new Xorshift64StarX4(seed).Fill(filled);
            var lanes = new Xorshift64Star[4];
            for (int i = 0; i < 4; i++)
            {
                lanes[i] = new Xorshift64Star(StreamSeed.Derive(seed, (ulong)i));
            }
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(lanes[i & 3].NextU64(), filled[i]);
            }
        });
    }

    [Fact]
    public void Interleaved_fill_continues_its_lanes_across_calls()
    {
        var once = new ulong[16];
        new Xorshift64StarX4(5).Fill(once);

        var split = new Xorshift64StarX4(5);
        var first = new ulong[8];
        var second = new ulong[8];
        split.Fill(first);
        split.Fill(second);
        ulong[] joined = [.. first, .. second];
        Assert.Equal(once, joined);
    }

    private static double[] Draw(Xorshift64Star g, int n)
    {
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = g.NextDouble();
        }
        return d;
    }
}
