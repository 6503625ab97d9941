// A lock-free, wait-free latency histogram in nanoseconds: log-linear buckets
// (HistogramBuckets: at most 0.79% relative error, the whole ulong range)
// sharded per CPU so that CPUs recording at once never write the same cache
// line.
//
// Layout (fixed, allocated by the constructor, never grown):
// - per shard: a 16-bit counter per bucket (7,616 bytes with padding) and a
//   128-byte header {busy, count, sum, min, max};
// - one shared "wide" part: a ulong per bucket (29.5 KiB) and a header.
// So one histogram takes 29.8 KiB + 7.6 KiB per shard (2 shards: 45 KiB,
// 16 shards: 151 KiB). The 64-bit wide counts are the fixed cost of exact
// counts over the full range; the per-shard part is what scales with CPUs.
//
// Record, on the fast path: one compare-exchange takes the current CPU's
// shard (CurrentShard), plain increments update it, a release store frees it.
// The 16-bit counters carry into the wide ulong counters (an atomic add of
// 65536 when one wraps), so per-shard memory stays small, counts stay exact
// and CPUs touch the shared part only once per 65536 records of one bucket.
// If the shard is busy (the owner was preempted or migrated, an interrupt
// handler interrupted it, a snapshot holds it) the record goes to the wide
// part with atomic adds and compare-exchange loops for min/max instead. Record
// never waits for anybody: the fast path is a fixed instruction sequence
// (wait-free), the wide path's min/max loops retry only when another writer
// moved the value (lock-free). It is safe with preemption enabled, from
// interrupt context and from any number of CPUs or threads.
//
// Sum wraps modulo 2^64 (after 584 years of recorded time in total).
//
// Invariants:
// - a shard's counters and header change only while its busy flag is held;
// - the count of bucket b is the wide count plus every shard's counter; carries
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

public sealed partial class LatencyHistogram
{
    public const int MaxShards = 16;

    private const int ShardStride = HistogramBuckets.Count + 32; // ushorts; 64 bytes of padding between shards
    private const int HeaderStride = 16;                         // ulongs: 128 bytes per header
    // The arrays' first line is left unused: it holds the array length, which
    // every CPU reads for bounds checks, and must not share a line with a
    // shard that one CPU keeps writing.
    private const int CountsBase = 32;                           // ushorts: 64 bytes
    private const int HeadersBase = HeaderStride;                // ulongs
    private const int BusyField = 0;                             // offset 0: `header` itself in Record
    private const int CountField = 1;
    private const int SumField = 2;
    private const int MinField = 3;
    private const int MaxField = 4;
    private const ulong CarryUnit = 65536;                       // one wrap of a ushort counter

    private readonly int _shards;
    private readonly ushort[] _counts; // [Counts(shard) + bucket]
    private readonly ulong[] _wide;    // [bucket]
    private readonly ulong[] _headers; // [Header(shard) + field]; shard _shards is the wide part

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
        _counts = new ushort[CountsBase + n * ShardStride];
        _wide = new ulong[HistogramBuckets.Count];
        _headers = new ulong[HeadersBase + (n + 1) * HeaderStride];
        for (int s = 0; s <= n; s++)
        {
            _headers[Header(s) + MinField] = ulong.MaxValue;
        }
    }

    public void Record(ulong nanoseconds)
    {
        int bucket = HistogramBuckets.Index(nanoseconds);
        int shard = CurrentShard.Index() & (_shards - 1);
        ref ulong header = ref _headers[Header(shard)]; // one bounds check covers the 5 fields
        if (Interlocked.CompareExchange(ref header, 1, 0) != 0)
        {
            RecordWide(nanoseconds, bucket);
            return;
        }

        ref ushort count = ref _counts[Counts(shard) + bucket];
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

    private static int Header(int shard) => HeadersBase + shard * HeaderStride;

    private static int Counts(int shard) => CountsBase + shard * ShardStride;

    private void RecordWide(ulong nanoseconds, int bucket)
    {
        int w = Header(_shards);
        Interlocked.Increment(ref _wide[bucket]);
        Interlocked.Increment(ref _headers[w + CountField]);
        Interlocked.Add(ref _headers[w + SumField], nanoseconds);
        AtomicMin(ref _headers[w + MinField], nanoseconds);
        AtomicMax(ref _headers[w + MaxField], nanoseconds);
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
