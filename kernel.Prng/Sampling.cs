// Draws derived from NextU64, written once for every generator.
//
// Each method takes the generator by ref and is generic over the struct, so
// the compiler emits one direct (inlinable) call per generator type.
// Ranges are unbiased: Lemire's multiply-and-reject ("Fast random integer
// generation in an interval", ACM TOMACS 29(1), 2019) maps a w-bit draw x to
// (x * span) >> w and rejects the 2^w mod span low products that would make
// some results more likely than others. The rejection probability is below
// span / 2^w, and the division computing the threshold is only paid on the
// rare path.
using System;

namespace KernelStress.Prng;

public static class Sampling
{
    private const double DoubleUnit = 1.0 / 9007199254740992.0; // 2^-53

    /// <summary>The high 32 bits of the next draw (the best-mixed half for xorshift64*).</summary>
    public static uint NextU32<TGen>(ref TGen gen) where TGen : struct, IRandomSource =>
        (uint)(gen.NextU64() >> 32);

    /// <summary>
    /// Uniform in [min, maxExclusive). An empty range (maxExclusive &lt;= min)
    /// returns min and consumes nothing.
    /// </summary>
    public static int Range<TGen>(ref TGen gen, int min, int maxExclusive) where TGen : struct, IRandomSource
    {
        if (maxExclusive <= min)
        {
            return min;
        }

        uint span = (uint)maxExclusive - (uint)min;
        ulong product = (ulong)NextU32(ref gen) * span;
        if ((uint)product < span)
        {
            uint threshold = (0u - span) % span; // 2^32 mod span
            while ((uint)product < threshold)
            {
                product = (ulong)NextU32(ref gen) * span;
            }
        }

        return (int)((uint)min + (uint)(product >> 32));
    }

    /// <summary>
    /// Uniform in [min, maxExclusive) over 64-bit spans. An empty range
    /// (maxExclusive &lt;= min) returns min and consumes nothing.
    /// </summary>
    public static ulong Range<TGen>(ref TGen gen, ulong min, ulong maxExclusive) where TGen : struct, IRandomSource
    {
        if (maxExclusive <= min)
        {
            return min;
        }

        ulong span = maxExclusive - min;
        ulong high = Math.BigMul(gen.NextU64(), span, out ulong low);
        if (low < span)
        {
            ulong threshold = (0UL - span) % span; // 2^64 mod span
            while (low < threshold)
            {
                high = Math.BigMul(gen.NextU64(), span, out low);
            }
        }

        return min + high;
    }

    /// <summary>
    /// Uniform in [0, 1) on the grid k * 2^-53: the top 53 bits of one draw,
    /// every representable step of a double's mantissa at that scale.
    /// </summary>
    public static double NextDouble<TGen>(ref TGen gen) where TGen : struct, IRandomSource =>
        (long)(gen.NextU64() >> 11) * DoubleUnit; // via long: a signed conversion is one instruction on x64 and arm64

    /// <summary>
    /// True with the given probability. 0 or less (or NaN) is never true, 1 or
    /// more is always true; one draw is consumed either way.
    /// </summary>
    public static bool Chance<TGen>(ref TGen gen, double probability) where TGen : struct, IRandomSource =>
        NextDouble(ref gen) < probability;
}
