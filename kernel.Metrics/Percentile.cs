// How a percentile maps to a recorded value; shared by the live histogram and
// its snapshots so both answer the same.
//
// Rank as HdrHistogram's GetValueAtPercentile: percentile clamped to
// [0, 100], rank = round(percentile / 100 * count), at least 1. The answer is
// the bucket holding the rank-th smallest value, reported as the bucket's
// midpoint clamped to [min, max]; rank 1 is exactly min and rank count is
// exactly max.
namespace KernelStress.Metrics;

internal static class Percentile
{
    /// <summary>1-based rank of <paramref name="percentile"/> among <paramref name="count"/> (&gt; 0) values.</summary>
    internal static ulong Rank(double percentile, ulong count)
    {
        if (!(percentile > 0)) // also NaN
        {
            percentile = 0;
        }
        if (percentile > 100)
        {
            percentile = 100;
        }

        // Conversions go through long: signed conversions are single instructions on x64 and arm64.
        long rank = (long)(percentile / 100 * (long)count + 0.5);
        if (rank < 1)
        {
            return 1;
        }
        return (ulong)rank < count ? (ulong)rank : count;
    }

    internal static ulong Resolve(int bucket, ulong rank, ulong count, ulong min, ulong max)
    {
        if (rank <= 1)
        {
            return min;
        }
        if (rank >= count)
        {
            return max;
        }

        ulong value = HistogramBuckets.Representative(bucket);
        if (value < min)
        {
            return min;
        }
        return value > max ? max : value;
    }
}
