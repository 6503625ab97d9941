// A frozen, merged copy of a LatencyHistogram: one 64-bit count per bucket
// plus exact count, sum, min and max. Percentiles asked of one snapshot are
// mutually consistent, unlike those of a live histogram.
//
// Allocate once (29.5 KiB) and refill with LatencyHistogram.Snapshot: taking
// a snapshot allocates nothing. Not thread-safe: one filler/reader at a time.
// Invariant: Count is the sum of the bucket counts; Min and Max are 0 when
// Count is 0.
using System;

namespace KernelStress.Metrics;

public sealed class HistogramSnapshot
{
    private readonly ulong[] _counts = new ulong[HistogramBuckets.Count];

    public ulong Count { get; private set; }

    public ulong Sum { get; private set; }

    public ulong Min { get; private set; }

    public ulong Max { get; private set; }

    /// <summary>Sum / Count rounded down; 0 when empty.</summary>
    public ulong Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>The recorded value at <paramref name="percentile"/> (0 to 100); 0 when empty. See Percentile.</summary>
    public ulong ValueAtPercentile(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        ulong rank = Percentile.Rank(percentile, Count);
        ulong seen = 0;
        int bucket = 0;
        for (; bucket < _counts.Length - 1; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                break;
            }
        }
        return Percentile.Resolve(bucket, rank, Count, Min, Max);
    }

    public HistogramSummary Summarize() => new HistogramSummary(this);

    /// <summary>
    /// Finds the first non-empty bucket at index &gt;= <paramref name="cursor"/> and moves
    /// the cursor past it. Start with cursor 0; false when there are no more:
    /// <c>int c = 0; while (s.NextNonEmpty(ref c, out var b)) { ... }</c>
    /// </summary>
    public bool NextNonEmpty(ref int cursor, out HistogramBucket bucket)
    {
        for (int i = cursor < 0 ? 0 : cursor; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                cursor = i + 1;
                bucket = new HistogramBucket(i, _counts[i]);
                return true;
            }
        }

        cursor = _counts.Length;
        bucket = default;
        return false;
    }

    /// <summary>The bucket counts, zeroed, for LatencyHistogram.Snapshot to fill.</summary>
    internal Span<ulong> BeginFill()
    {
        var counts = new Span<ulong>(_counts);
        counts.Clear();
        return counts;
    }

    internal void EndFill(ulong count, ulong sum, ulong min, ulong max)
    {
        Count = count;
        Sum = sum;
        Min = count == 0 ? 0 : min;
        Max = count == 0 ? 0 : max;
    }
}
