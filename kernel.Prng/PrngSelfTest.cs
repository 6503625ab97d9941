// The PRNG checks that run both on the host (xunit) and inside the kernel
// (`selftest prng`, printed as KTAP): known-answer vectors from the published
// definitions, and deterministic property checks.
//
// Every case uses fixed seeds, so it is a pure function of the code under
// test: a statistical check either always passes or always fails, and its
// bounds are at least 5 standard deviations wide. Cases allocate nothing
// (stackalloc only) and start no threads. Names are snake_case ASCII, reasons
// short; both are static UTF-8 literals.
using System;

namespace KernelStress.Prng;

public static class PrngSelfTest
{
    public static int Count => 12;

    public static ReadOnlySpan<byte> Name(int index) => index switch
    {
        0 => "xorshift64_known_answer"u8,
        1 => "xorshift64star_known_answer"u8,
        2 => "splitmix64_known_answer"u8,
        3 => "zero_seed_remapped"u8,
        4 => "seed_reproducible"u8,
        5 => "stream_seeds_distinct"u8,
        6 => "range_bounds"u8,
        7 => "range_unbiased"u8,
        8 => "range_uniform_chi_square"u8,
        9 => "next_double_unit_interval"u8,
        10 => "chance_probability"u8,
        11 => "fill_interleaves_lanes"u8,
        _ => default,
    };

    /// <summary>Runs case <paramref name="index"/>; on failure, <paramref name="reason"/> says what broke.</summary>
    public static bool Run(int index, out ReadOnlySpan<byte> reason)
    {
        reason = default;
        switch (index)
        {
            case 0: return Xorshift64KnownAnswer(ref reason);
            case 1: return Xorshift64StarKnownAnswer(ref reason);
            case 2: return SplitMix64KnownAnswer(ref reason);
            case 3: return ZeroSeedRemapped(ref reason);
            case 4: return SeedReproducible(ref reason);
            case 5: return StreamSeedsDistinct(ref reason);
            case 6: return RangeBounds(ref reason);
            case 7: return RangeUnbiased(ref reason);
            case 8: return RangeUniformChiSquare(ref reason);
            case 9: return NextDoubleUnitInterval(ref reason);
            case 10: return ChanceProbability(ref reason);
            case 11: return FillInterleavesLanes(ref reason);
            default:
                reason = "no such test"u8;
                return false;
        }
    }

    // Marsaglia (2003) xor64, seed 88172645463325252, the paper's example seed.
    private static bool Xorshift64KnownAnswer(ref ReadOnlySpan<byte> reason)
    {
        var g = new Xorshift64(88172645463325252);
        if (g.NextU64() != 8748534153485358512 || g.NextU64() != 3040900993826735515 ||
            g.NextU64() != 3453997556048239312 || g.NextU64() != 16431732851926010853 ||
            g.NextU64() != 8204724074003728306)
        {
            reason = "output differs from the published xorshift64 vector"u8;
            return false;
        }
        return true;
    }

    // Vigna (2016) xorshift64*, seed 1, from the reference C code.
    private static bool Xorshift64StarKnownAnswer(ref ReadOnlySpan<byte> reason)
    {
        var g = new Xorshift64Star(1);
        if (g.NextU64() != 5180492295206395165 || g.NextU64() != 12380297144915551517 ||
            g.NextU64() != 13389498078930870103 || g.NextU64() != 5599127315341312413 ||
            g.NextU64() != 1036278371763004928)
        {
            reason = "output differs from the reference xorshift64* vector"u8;
            return false;
        }
        return true;
    }

    // Vigna's splitmix64.c, seeds 0 and 1234567.
    private static bool SplitMix64KnownAnswer(ref ReadOnlySpan<byte> reason)
    {
        var zero = new SplitMix64(0);
        var g = new SplitMix64(1234567);
        if (zero.NextU64() != 0xE220A8397B1DCDAF || zero.NextU64() != 0x6E789E6AA1B965F4 ||
            g.NextU64() != 6457827717110365317 || g.NextU64() != 3203168211198807973 ||
            g.NextU64() != 9817491932198370423 || g.NextU64() != 4593380528125082431 ||
            g.NextU64() != 16408922859458223821)
        {
            reason = "output differs from the reference splitmix64 vector"u8;
            return false;
        }
        return true;
    }

    private static bool ZeroSeedRemapped(ref ReadOnlySpan<byte> reason)
    {
        var zero = new Xorshift64(0);
        var marsaglia = new Xorshift64(XorshiftSeed.ZeroReplacement);
        var zeroStar = new Xorshift64Star(0);
        var marsagliaStar = new Xorshift64Star(XorshiftSeed.ZeroReplacement);
        for (int i = 0; i < 8; i++)
        {
            ulong a = zero.NextU64();
            ulong b = zeroStar.NextU64();
            if (a == 0 || b == 0 || a != marsaglia.NextU64() || b != marsagliaStar.NextU64())
            {
                reason = "zero seed not replaced by the documented seed"u8;
                return false;
            }
        }
        return true;
    }

    private static bool SeedReproducible(ref ReadOnlySpan<byte> reason)
    {
        var a = new Xorshift64Star(0xC0FFEE);
        var b = new Xorshift64Star(0xC0FFEE);
        for (int i = 0; i < 1000; i++)
        {
            if (a.NextU64() != b.NextU64() || a.Range(-5, 1000) != b.Range(-5, 1000) ||
                a.NextDouble() != b.NextDouble() || a.Chance(0.3) != b.Chance(0.3))
            {
                reason = "same seed gave different draws"u8;
                return false;
            }
        }

        var c = new Xorshift64Star(0xC0FFEF);
        var d = new Xorshift64Star(0xC0FFEE);
        if (c.NextU64() == d.NextU64())
        {
            reason = "neighbouring seeds gave the same first draw"u8;
            return false;
        }
        return true;
    }

    private static bool StreamSeedsDistinct(ref ReadOnlySpan<byte> reason)
    {
        const int streams = 64;
        const ulong runSeed = 42;
        Span<ulong> firsts = stackalloc ulong[streams];
        var sequence = new SplitMix64(runSeed);
        for (int k = 0; k < streams; k++)
        {
            ulong seed = StreamSeed.Derive(runSeed, (ulong)k);
            if (seed != sequence.NextU64())
            {
                reason = "stream seed k is not splitmix64 output k"u8;
                return false;
            }
            firsts[k] = new Xorshift64Star(seed).NextU64();
        }

        for (int i = 0; i < streams; i++)
        {
            for (int j = i + 1; j < streams; j++)
            {
                if (firsts[i] == firsts[j])
                {
                    reason = "two streams start with the same draw"u8;
                    return false;
                }
            }
        }
        return true;
    }

    private static bool RangeBounds(ref ReadOnlySpan<byte> reason)
    {
        var g = new Xorshift64Star(7);
        if (g.Range(5, 6) != 5 || g.Range(7, 7) != 7 || g.Range(9, 3) != 9 ||
            g.Range(10UL, 10UL) != 10 || g.Range(20UL, 11UL) != 20)
        {
            reason = "degenerate range not returning min"u8;
            return false;
        }

        for (int i = 0; i < 10000; i++)
        {
            int small = g.Range(-3, 4);
            int full = g.Range(int.MinValue, int.MaxValue);
            ulong wide = g.Range(1000UL, ulong.MaxValue);
            ulong narrow = g.Range(1UL << 40, (1UL << 40) + 3);
            if (small < -3 || small >= 4 || full == int.MaxValue || wide < 1000 || wide == ulong.MaxValue ||
                narrow < (1UL << 40) || narrow >= (1UL << 40) + 3)
            {
                reason = "range draw outside [min, max)"u8;
                return false;
            }
        }
        return true;
    }

    // A span of 3 * 2^30 (3 * 2^62 for 64 bits) is where modulo reduction is
    // worst: the first third of the range would be drawn twice as often
    // (fraction 1/2 instead of 1/3). 30000 draws: expected 10000 in the first
    // third, sigma about 82; the bound is 6 sigma.
    private static bool RangeUnbiased(ref ReadOnlySpan<byte> reason)
    {
        const int draws = 30000;
        var g = new Xorshift64Star(0xB1A5);
        int firstThird32 = 0;
        int firstThird64 = 0;
        for (int i = 0; i < draws; i++)
        {
            if (g.Range(int.MinValue, 1 << 30) < int.MinValue + (1 << 30))
            {
                firstThird32++;
            }
            if (g.Range(0UL, 3UL << 62) < 1UL << 62)
            {
                firstThird64++;
            }
        }

        if (Math.Abs(firstThird32 - draws / 3) > 490 || Math.Abs(firstThird64 - draws / 3) > 490)
        {
            reason = "first third of the range over-represented"u8;
            return false;
        }
        return true;
    }

    // Pearson chi-square over 10 equal cells, 20000 draws, 9 degrees of
    // freedom; 27.88 is the 0.999 quantile.
    private static bool RangeUniformChiSquare(ref ReadOnlySpan<byte> reason)
    {
        const int cells = 10;
        const int draws = 20000;
        Span<int> counts = stackalloc int[cells];
        counts.Clear();
        var g = new Xorshift64Star(0xC41);
        for (int i = 0; i < draws; i++)
        {
            counts[g.Range(0, cells)]++;
        }

        const double expected = (double)draws / cells;
        double chiSquare = 0;
        for (int c = 0; c < cells; c++)
        {
            double d = counts[c] - expected;
            chiSquare += d * d / expected;
        }

        if (chiSquare > 27.88)
        {
            reason = "chi-square above the 0.999 quantile"u8;
            return false;
        }
        return true;
    }

    // 10000 draws: each a multiple of 2^-53 in [0, 1); the mean is within
    // 0.015 of 1/2 (sigma 0.0029); some draw uses the lowest of the 53 bits.
    private static bool NextDoubleUnitInterval(ref ReadOnlySpan<byte> reason)
    {
        var g = new Xorshift64(0xD0B1E);
        double sum = 0;
        bool lowestBitSeen = false;
        for (int i = 0; i < 10000; i++)
        {
            double d = g.NextDouble();
            double scaled = d * 9007199254740992.0; // exact: d has at most 53 significant bits
            long grid = (long)scaled;
            if (d < 0 || d >= 1 || grid != scaled)
            {
                reason = "draw outside [0, 1) or off the 2^-53 grid"u8;
                return false;
            }
            lowestBitSeen |= (grid & 1) != 0;
            sum += d;
        }

        if (!lowestBitSeen || Math.Abs(sum / 10000 - 0.5) > 0.015)
        {
            reason = "draws not spread over 53 bits"u8;
            return false;
        }
        return true;
    }

    // Chance(0.25) over 10000 draws: expected 2500, sigma about 43; bound 6 sigma.
    private static bool ChanceProbability(ref ReadOnlySpan<byte> reason)
    {
        var g = new Xorshift64Star(0x5EED);
        int hits = 0;
        for (int i = 0; i < 10000; i++)
        {
            if (g.Chance(0) || g.Chance(-1) || !g.Chance(1) || !g.Chance(2))
            {
                reason = "probability 0 or 1 not honoured"u8;
                return false;
            }
            if (g.Chance(0.25))
            {
                hits++;
            }
        }

        if (Math.Abs(hits - 2500) > 260)
        {
            reason = "chance(0.25) frequency off"u8;
            return false;
        }
        return true;
    }

    private static bool FillInterleavesLanes(ref ReadOnlySpan<byte> reason)
    {
        const ulong seed = 99;
        Span<ulong> filled = stackalloc ulong[11]; // two full rounds and a tail of three
        var bulk = new Xorshift64StarX4(seed);
        bulk.Fill(filled);

        var lane0 = new Xorshift64Star(StreamSeed.Derive(seed, 0));
        var lane1 = new Xorshift64Star(StreamSeed.Derive(seed, 1));
        var lane2 = new Xorshift64Star(StreamSeed.Derive(seed, 2));
        var lane3 = new Xorshift64Star(StreamSeed.Derive(seed, 3));
        for (int i = 0; i < filled.Length; i++)
        {
            ulong expected = (i & 3) switch
            {
                0 => lane0.NextU64(),
                1 => lane1.NextU64(),
                2 => lane2.NextU64(),
                _ => lane3.NextU64(),
            };
            if (filled[i] != expected)
            {
                reason = "fill output is not the lane interleave"u8;
                return false;
            }
        }
        return true;
    }
}
