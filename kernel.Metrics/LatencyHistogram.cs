// A lock-free, wait-free latency histogram in nanoseconds: log-linear buckets
// (HistogramBuckets: at most 0.79% relative error, the whole ulong range)
// sharded per CPU so that CPUs recording at once never write the same cache
// line.
//
// Layout (fixed, allocated by the constructor, never grown):
// - per shard: one byte per bucket (3,840 bytes with padding) and a 128-byte
//   header {busy, count, sum, min, max};
// - one shared "wide" part: a ulong per bucket (29.5 KiB) and a header.
// So one histogram takes 29.6 KiB + 3.9 KiB per shard (4 shards: 45 KiB,
// 16 shards: 92 KiB); each shard's part stays under 4 KiB of cache.
//
// Record, on the fast path: one compare-exchange takes the current CPU's
// shard (CurrentShard), plain increments update it, a release store frees it.
// The byte counters carry into the wide ulong counters (an atomic add of 256
// when one wraps), so per-shard memory stays small and counts stay exact.
// If the shard is busy (the owner was preempted or migrated, an interrupt
// handler interrupted it, a snapshot holds it) the record goes to the wide
// part with atomic adds and compare-exchange loops for min/max instead. Record
// never waits for anybody: it is safe with preemption enabled, from interrupt
// context and from any number of CPUs or threads.
//
// Invariants:
// - a shard's bytes and header change only while its busy flag is held;
// - the count of bucket b is the wide count plus every shard's byte; carries
//   happen under the shard's flag, so holding every flag freezes all counts
//   except those of records taking the wide path;
// - flags are always taken in shard order (no deadlock between readers).
//
// Snapshot, Merge and Reset take every shard's flag (spinning until a writer
// in flight finishes its few stores), so they must not be called from
// interrupt context. A Record that runs concurrently with them and takes the
// wide path may be seen in part (its bucket count but not yet its sum).
using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace KernelStress.Metrics;

public sealed class LatencyHistogram
{
    public const int MaxShards = 16;

    private const int ShardStride = HistogramBuckets.Count + 64; // bytes; 64 bytes of padding between shards
    private const int HeaderStride = 16;                         // ulongs: 128 bytes per header
    private const int BusyField = 0;                             // offset 0: `header` itself in Record
    private const int CountField = 1;
    private const int SumField = 2;
    private const int MinField = 3;
    private const int MaxField = 4;
    private const ulong CarryUnit = 256;                         // one wrap of a byte counter

    private readonly int _shards;
    private readonly byte[] _counts;    // [shard * ShardStride + bucket]
    private readonly ulong[] _wide;     // [bucket]
    private readonly ulong[] _headers;  // [shard * HeaderStride + field]; shard _shards is the wide part

    /// <summary>
    /// <paramref name="shards"/> is clamped to [1, MaxShards] and rounded up to a
    /// power of two; the kernel passes its CPU count.
    /// </summary>
    public LatencyHistogram(int shards)
    {
        int n = 1;
        while (n < shards && n < MaxShards)
        {
            n <<= 1;
        }

        _shards = n;
        _counts = new byte[n * ShardStride];
        _wide = new ulong[HistogramBuckets.Count];
        _headers = new ulong[(n + 1) * HeaderStride];
        for (int s = 0; s <= n; s++)
        {
            _headers[s * HeaderStride + MinField] = ulong.MaxValue;
        }
    }

    public int Shards => _shards;

    public void Record(ulong nanoseconds)
    {
        int bucket = HistogramBuckets.Index(nanoseconds);
        int shard = CurrentShard.Index() & (_shards - 1);
        ref ulong header = ref _headers[shard * HeaderStride]; // one bounds check covers the 5 fields
        if (Interlocked.CompareExchange(ref header, 1, 0) != 0)
        {
            RecordWide(nanoseconds, bucket);
            return;
        }

        ref byte count = ref _counts[shard * ShardStride + bucket];
        count++;
        if (count == 0)
        {
            Interlocked.Add(ref _wide[bucket], CarryUnit);
        }
        Unsafe.Add(ref header, CountField)++;
        Unsafe.Add(ref header, SumField) += nanoseconds;
        ref ulong min = ref Unsafe.Add(ref header, MinField);
        if (nanoseconds < min)
        {
            min = nanoseconds;
        }
        ref ulong max = ref Unsafe.Add(ref header, MaxField);
        if (nanoseconds > max)
        {
            max = nanoseconds;
        }
        Volatile.Write(ref header, 0); // BusyField: release, publishing the stores above
    }

    /// <summary>Number of recorded values (a racy sum of per-shard counts).</summary>
    public ulong Count
    {
        get
        {
            ulong count = 0;
            for (int s = 0; s <= _shards; s++)
            {
                count += Volatile.Read(ref _headers[s * HeaderStride + CountField]);
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
                sum += Volatile.Read(ref _headers[s * HeaderStride + SumField]);
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
                min = Math.Min(min, Volatile.Read(ref _headers[s * HeaderStride + MinField]));
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
                max = Math.Max(max, Volatile.Read(ref _headers[s * HeaderStride + MaxField]));
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

        int w = _shards * HeaderStride;
        Interlocked.Add(ref _headers[w + CountField], count);
        Interlocked.Add(ref _headers[w + SumField], sum);
        AtomicMin(ref _headers[w + MinField], min);
        AtomicMax(ref _headers[w + MaxField], max);
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        AcquireAll();
        new Span<byte>(_counts).Clear();
        for (int b = 0; b < _wide.Length; b++)
        {
            Volatile.Write(ref _wide[b], 0);
        }
        for (int s = 0; s <= _shards; s++)
        {
            int h = s * HeaderStride;
            Volatile.Write(ref _headers[h + CountField], 0);
            Volatile.Write(ref _headers[h + SumField], 0);
            Volatile.Write(ref _headers[h + MinField], ulong.MaxValue);
            Volatile.Write(ref _headers[h + MaxField], 0);
        }
        ReleaseAll();
    }

    private void RecordWide(ulong nanoseconds, int bucket)
    {
        int w = _shards * HeaderStride;
        Interlocked.Increment(ref _wide[bucket]);
        Interlocked.Increment(ref _headers[w + CountField]);
        Interlocked.Add(ref _headers[w + SumField], nanoseconds);
        AtomicMin(ref _headers[w + MinField], nanoseconds);
        AtomicMax(ref _headers[w + MaxField], nanoseconds);
    }

    // Exact while every shard flag is held (AcquireAll); a racy read otherwise.
    private ulong MergedCount(int bucket)
    {
        ulong n = Volatile.Read(ref _wide[bucket]);
        for (int s = 0; s < _shards; s++)
        {
            n += _counts[s * ShardStride + bucket];
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
            int h = s * HeaderStride;
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
            while (Interlocked.CompareExchange(ref _headers[s * HeaderStride + BusyField], 1, 0) != 0)
            {
            }
        }
    }

    private void ReleaseAll()
    {
        for (int s = 0; s < _shards; s++)
        {
            Volatile.Write(ref _headers[s * HeaderStride + BusyField], 0);
        }
    }

    private static void AtomicMin(ref ulong location, ulong value)
    {
        ulong current = Volatile.Read(ref location);
        while (value < current)
        {
            ulong seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private static void AtomicMax(ref ulong location, ulong value)
    {
        ulong current = Volatile.Read(ref location);
        while (value > current)
        {
            ulong seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
