// Bucket layout of LatencyHistogram: log-linear, in the HdrHistogram manner.
//
// A value's power-of-two magnitude comes from its leading-zero count; each
// magnitude [2^e, 2^(e+1)) with e >= 6 is cut into 64 equal sub-buckets of
// width 2^(e-6). Values below 128 get one bucket each (exact). The layout
// covers the whole ulong range (1 ns to 584 years), so nothing is clamped.
//
//   index(v) = 64 * s + (v >> s),  s = max(0, msb(v) - 6)
//
// Invariants (checked by MetricsSelfTest for every bucket):
// - buckets are contiguous and ordered: LowerBound(i + 1) = UpperBound(i) + 1;
// - Representative(i), the midpoint, is within width/2 <= LowerBound/128 of
//   every value in bucket i: at most 0.79% relative error, below the 1% the
//   issue asks for.
using System.Numerics;

namespace KernelStress.Metrics;

public static class HistogramBuckets
{
    /// <summary>log2 of the sub-buckets per power of two.</summary>
    public const int SubBucketBits = 6;

    /// <summary>3776: the last index is 64 * 57 + 127, for values of 2^63 and above.</summary>
    public const int Count = (64 - SubBucketBits) * (1 << SubBucketBits) + (1 << SubBucketBits);

    public static int Index(ulong value)
    {
        int shift = 63 - SubBucketBits - BitOperations.LeadingZeroCount(value | (1UL << SubBucketBits));
        return (shift << SubBucketBits) + (int)(value >> shift);
    }

    /// <summary>Smallest value that maps to bucket <paramref name="index"/>.</summary>
    public static ulong LowerBound(int index)
    {
        if (index < 2 << SubBucketBits)
        {
            return (ulong)index;
        }

        int shift = (index >> SubBucketBits) - 1;
        ulong mantissa = (ulong)((index & ((1 << SubBucketBits) - 1)) | (1 << SubBucketBits));
        return mantissa << shift;
    }

    /// <summary>Largest value that maps to bucket <paramref name="index"/> (inclusive).</summary>
    public static ulong UpperBound(int index) => LowerBound(index) + Width(index) - 1;

    /// <summary>The value reported for bucket <paramref name="index"/>: its midpoint, rounded down.</summary>
    public static ulong Representative(int index) => LowerBound(index) + (Width(index) >> 1);

    private static ulong Width(int index) =>
        index < 2 << SubBucketBits ? 1UL : 1UL << ((index >> SubBucketBits) - 1);
}
