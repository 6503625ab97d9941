// Bulk output from four interleaved xorshift64* streams.
//
// One xorshift64* stream is latency-bound: each step depends on the previous
// one through six shift/xor operations (about 6 cycles per value). Four
// independent states give the CPU four chains to overlap, so Fill becomes
// throughput-bound instead, at about half the time per value of a loop over
// one generator (bench/PrngBenchmarks.cs). More lanes do not help: four
// already keep the ALUs busy.
//
// Output definition (what "reproducible" means here): lane i starts from
// StreamSeed.Derive(seed, i), i = 0..3; Fill writes destination[j] from lane
// j % 4, each lane stepping as Xorshift64Star does. Every Fill call restarts
// at lane 0, so the output depends on the seed and on the sequence of Fill
// lengths (equal to one long Fill when every length but the last is a
// multiple of 4). Seed this from a per-stream seed (StreamSeed.Derive) so it
// does not replay the lanes of another stream.
using System;

namespace KernelStress.Prng;

public struct Xorshift64StarX4
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xorshift64StarX4(ulong seed)
    {
        _s0 = XorshiftSeed.NonZero(StreamSeed.Derive(seed, 0));
        _s1 = XorshiftSeed.NonZero(StreamSeed.Derive(seed, 1));
        _s2 = XorshiftSeed.NonZero(StreamSeed.Derive(seed, 2));
        _s3 = XorshiftSeed.NonZero(StreamSeed.Derive(seed, 3));
    }

    public unsafe void Fill(Span<ulong> destination)
    {
        int length = destination.Length;
        if (length == 0)
        {
            return;
        }

        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        fixed (ulong* start = &destination[0])
        {
            ulong* p = start;
            ulong* roundsEnd = start + (length & ~3);
            for (; p < roundsEnd; p += 4)
            {
                s0 = Xorshift64Star.Advance(s0);
                s1 = Xorshift64Star.Advance(s1);
                s2 = Xorshift64Star.Advance(s2);
                s3 = Xorshift64Star.Advance(s3);
                p[0] = s0 * Xorshift64Star.Multiplier;
                p[1] = s1 * Xorshift64Star.Multiplier;
                p[2] = s2 * Xorshift64Star.Multiplier;
                p[3] = s3 * Xorshift64Star.Multiplier;
            }

            int tail = length & 3;
            if (tail > 0)
            {
                s0 = Xorshift64Star.Advance(s0);
                p[0] = s0 * Xorshift64Star.Multiplier;
            }
            if (tail > 1)
            {
                s1 = Xorshift64Star.Advance(s1);
                p[1] = s1 * Xorshift64Star.Multiplier;
            }
            if (tail > 2)
            {
                s2 = Xorshift64Star.Advance(s2);
                p[2] = s2 * Xorshift64Star.Multiplier;
            }
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }
}
