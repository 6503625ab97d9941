// The reading side of LatencyHistogram: live totals and percentiles (racy,
// lock-free reads), and Snapshot, Merge and Reset, which hold every shard's
// flag while they work (see LatencyHistogram.cs for the invariants they rely
// on; not from interrupt context).
using System;
using System.Threading;

namespace KernelStress.Metrics;

public sealed partial class LatencyHistogram
{
    /// <summary>Number of recorded values (a racy sum of per-shard counts).</summary>
    public ulong Count
    {
        get
        {
            ulong count = 0;
            for (int s = 0; s <= _shards; s++)
            {
                count += Volatile.Read(ref _headers[Header(s) + CountField]);
            }
            return count;
        }
    }

    public ulong Sum
    {
        get
        {
            ulong sum = 0;
            for (int s = 0; s <= _shards; s++)
            {
                sum += Volatile.Read(ref _headers[Header(s) + SumField]);
            }
            return sum;
        }
    }

    /// <summary>Smallest recorded value; 0 when empty.</summary>
    public ulong Min
    {
        get
        {
            ulong min = ulong.MaxValue;
            for (int s = 0; s <= _shards; s++)
            {
                min = Math.Min(min, Volatile.Read(ref _headers[Header(s) + MinField]));
            }
            return Count == 0 ? 0 : min;
        }
    }

    /// <summary>Largest recorded value; 0 when empty.</summary>
    public ulong Max
    {
        get
        {
            ulong max = 0;
            for (int s = 0; s <= _shards; s++)
            {
                max = Math.Max(max, Volatile.Read(ref _headers[Header(s) + MaxField]));
            }
            return max;
        }
    }

    /// <summary>Sum / Count rounded down; 0 when empty.</summary>
    public ulong Mean
    {
        get
        {
            ulong count = Count;
            return count == 0 ? 0 : Sum / count;
        }
    }

    /// <summary>
    /// The recorded value at <paramref name="percentile"/> (0 to 100, as HdrHistogram),
    /// read from the live counts without locking: records landing meanwhile
    /// may or may not be seen. Several consistent percentiles: use Snapshot.
    /// </summary>
    public ulong ValueAtPercentile(double percentile)
    {
        ulong count = Count;
        if (count == 0)
        {
            return 0;
        }

        ulong rank = Percentile.Rank(percentile, count);
        ulong seen = 0;
        int bucket = 0;
        for (; bucket < HistogramBuckets.Count - 1; bucket++)
        {
            seen += MergedCount(bucket);
            if (seen >= rank)
            {
                break;
            }
        }
        return Percentile.Resolve(bucket, rank, count, Min, Max);
    }

    /// <summary>Copies the merged shards into <paramref name="target"/>, replacing its contents.</summary>
    public void Snapshot(HistogramSnapshot target)
    {
        AcquireAll();
        Span<ulong> counts = target.BeginFill();
        ulong count = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            ulong n = MergedCount(b);
            counts[b] = n;
            count += n;
        }
        HeldTotals(out _, out ulong sum, out ulong min, out ulong max);
        ReleaseAll();
        target.EndFill(count, sum, min, max);
    }

    /// <summary>
    /// Adds everything recorded in <paramref name="other"/> to this histogram
    /// (through this one's wide part, atomically). <paramref name="other"/> is unchanged.
    /// </summary>
    public void Merge(LatencyHistogram other)
    {
        other.AcquireAll();
        for (int b = 0; b < HistogramBuckets.Count; b++)
        {
            ulong n = other.MergedCount(b);
            if (n != 0)
            {
                Interlocked.Add(ref _wide[b], n);
            }
        }
        other.HeldTotals(out ulong count, out ulong sum, out ulong min, out ulong max);
        other.ReleaseAll();

        int w = Header(_shards);
        Interlocked.Add(ref _headers[w + CountField], count);
        Interlocked.Add(ref _headers[w + SumField], sum);
        AtomicMin(ref _headers[w + MinField], min);
        AtomicMax(ref _headers[w + MaxField], max);
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        AcquireAll();
        new Span<ushort>(_counts).Clear();
        for (int b = 0; b < _wide.Length; b++)
        {
            Volatile.Write(ref _wide[b], 0);
        }
        for (int s = 0; s <= _shards; s++)
        {
            int h = Header(s);
            Volatile.Write(ref _headers[h + CountField], 0);
            Volatile.Write(ref _headers[h + SumField], 0);
            Volatile.Write(ref _headers[h + MinField], ulong.MaxValue);
            Volatile.Write(ref _headers[h + MaxField], 0);
        }
        ReleaseAll();
    }

    // Exact while every shard flag is held (AcquireAll); a racy read otherwise.
    private ulong MergedCount(int bucket)
    {
        ulong n = Volatile.Read(ref _wide[bucket]);
        for (int s = 0; s < _shards; s++)
        {
            n += _counts[Counts(s) + bucket];
        }
        return n;
    }

    // Requires every shard flag (AcquireAll).
    private void HeldTotals(out ulong count, out ulong sum, out ulong min, out ulong max)
    {
        count = 0;
        sum = 0;
        min = ulong.MaxValue;
        max = 0;
        for (int s = 0; s <= _shards; s++)
        {
            int h = Header(s);
            count += Volatile.Read(ref _headers[h + CountField]);
            sum += Volatile.Read(ref _headers[h + SumField]);
            min = Math.Min(min, Volatile.Read(ref _headers[h + MinField]));
            max = Math.Max(max, Volatile.Read(ref _headers[h + MaxField]));
        }
    }

    private void AcquireAll()
    {
        for (int s = 0; s < _shards; s++)
        {
            while (Interlocked.CompareExchange(ref _headers[Header(s) + BusyField], 1, 0) != 0)
            {
            }
        }
    }

    private void ReleaseAll()
    {
        for (int s = 0; s < _shards; s++)
        {
            Volatile.Write(ref _headers[Header(s) + BusyField], 0);
        }
    }
}
