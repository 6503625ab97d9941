// The histogram and autonomy-metrics checks that run both on the host
// (xunit) and inside the kernel (`selftest metrics`, printed as KTAP).
//
// Cases are deterministic (fixed inputs) and single-threaded. They share a
// few fixtures allocated on first use and reset by each case (about 190 KiB,
// once per boot), so running `selftest` again allocates nothing. Names are
// snake_case ASCII, reasons short; both are static UTF-8 literals.
using System;

namespace KernelStress.Metrics;

public static class MetricsSelfTest
{
    private static LatencyHistogram? s_a;
    private static LatencyHistogram? s_b;
    private static HistogramSnapshot? s_snapshot;
    private static AutonomyMetrics? s_autonomy;
    private static AutonomySnapshot? s_autonomySnapshot;

    public static int Count => 11;

    public static ReadOnlySpan<byte> Name(int index) => index switch
    {
        0 => "bucket_layout_contiguous"u8,
        1 => "bucket_error_within_1_percent"u8,
        2 => "record_exact_totals"u8,
        3 => "percentiles_within_1_percent"u8,
        4 => "percentile_extremes"u8,
        5 => "merge_adds_other"u8,
        6 => "reset_clears"u8,
        7 => "snapshot_buckets_sum_to_count"u8,
        8 => "shard_counter_carry_exact"u8,
        9 => "summary_matches_snapshot"u8,
        10 => "autonomy_counters"u8,
        _ => default,
    };

    /// <summary>Runs case <paramref name="index"/>; on failure, <paramref name="reason"/> says what broke.</summary>
    public static bool Run(int index, out ReadOnlySpan<byte> reason)
    {
        reason = default;
        s_a ??= new LatencyHistogram(2);
        s_b ??= new LatencyHistogram(2);
        s_snapshot ??= new HistogramSnapshot();
        s_autonomy ??= new AutonomyMetrics(1);
        s_autonomySnapshot ??= new AutonomySnapshot();
        s_a.Reset();
        s_b.Reset();
        s_autonomy.Reset();

        switch (index)
        {
            case 0: return BucketLayoutContiguous(ref reason);
            case 1: return BucketErrorWithinOnePercent(ref reason);
            case 2: return RecordExactTotals(s_a, ref reason);
            case 3: return PercentilesWithinOnePercent(s_a, s_snapshot, ref reason);
            case 4: return PercentileExtremes(s_a, s_snapshot, ref reason);
            case 5: return MergeAddsOther(s_a, s_b, ref reason);
            case 6: return ResetClears(s_a, s_snapshot, ref reason);
            case 7: return SnapshotBucketsSumToCount(s_a, s_snapshot, ref reason);
            case 8: return ShardCounterCarryExact(s_a, s_snapshot, ref reason);
            case 9: return SummaryMatchesSnapshot(s_a, s_snapshot, ref reason);
            case 10: return AutonomyCounters(s_autonomy, s_autonomySnapshot, ref reason);
            default:
                reason = "no such test"u8;
                return false;
        }
    }

    private static bool BucketLayoutContiguous(ref ReadOnlySpan<byte> reason)
    {
        if (HistogramBuckets.LowerBound(0) != 0 || HistogramBuckets.UpperBound(HistogramBuckets.Count - 1) != ulong.MaxValue)
        {
            reason = "buckets do not span the ulong range"u8;
            return false;
        }

        for (int i = 0; i < HistogramBuckets.Count; i++)
        {
            ulong lower = HistogramBuckets.LowerBound(i);
            ulong upper = HistogramBuckets.UpperBound(i);
            if (lower > upper || HistogramBuckets.Index(lower) != i || HistogramBuckets.Index(upper) != i ||
                (i + 1 < HistogramBuckets.Count && HistogramBuckets.LowerBound(i + 1) != upper + 1))
            {
                reason = "bucket bounds not contiguous or not inverse of index"u8;
                return false;
            }
        }
        return true;
    }

    // The worst values of a bucket are its ends; the midpoint must be within 1% of both.
    private static bool BucketErrorWithinOnePercent(ref ReadOnlySpan<byte> reason)
    {
        for (int i = 1; i < HistogramBuckets.Count; i++)
        {
            ulong lower = HistogramBuckets.LowerBound(i);
            ulong upper = HistogramBuckets.UpperBound(i);
            ulong mid = HistogramBuckets.Representative(i);
            if (mid < lower || mid > upper || (mid - lower) > lower / 100 || (upper - mid) > upper / 100)
            {
                reason = "bucket midpoint more than 1% from a bucket end"u8;
                return false;
            }
        }
        return true;
    }

    private static bool RecordExactTotals(LatencyHistogram h, ref ReadOnlySpan<byte> reason)
    {
        const ulong hour = 3_600_000_000_000;
        h.Record(1);
        h.Record(2);
        h.Record(3);
        h.Record(1000);
        h.Record(1_000_000);
        h.Record(hour);
        const ulong sum = 1 + 2 + 3 + 1000 + 1_000_000 + hour;
        if (h.Count != 6 || h.Sum != sum || h.Min != 1 || h.Max != hour || h.Mean != sum / 6)
        {
            reason = "count, sum, min, max or mean not exact"u8;
            return false;
        }
        return true;
    }

    // Values 1..100000 once each: the value of rank r is r itself.
    private static bool PercentilesWithinOnePercent(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        const ulong n = 100_000;
        for (ulong v = 1; v <= n; v++)
        {
            h.Record(v);
        }
        h.Snapshot(s);

        if (!WithinOnePercent(s.ValueAtPercentile(1), 1_000) || !WithinOnePercent(s.ValueAtPercentile(10), 10_000) ||
            !WithinOnePercent(s.ValueAtPercentile(50), 50_000) || !WithinOnePercent(s.ValueAtPercentile(90), 90_000) ||
            !WithinOnePercent(s.ValueAtPercentile(99), 99_000) || !WithinOnePercent(s.ValueAtPercentile(99.9), 99_900) ||
            !WithinOnePercent(h.ValueAtPercentile(50), 50_000) || !WithinOnePercent(h.ValueAtPercentile(99.9), 99_900))
        {
            reason = "percentile more than 1% from the exact rank"u8;
            return false;
        }
        return true;
    }

    private static bool PercentileExtremes(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        h.Snapshot(s);
        if (h.ValueAtPercentile(50) != 0 || s.ValueAtPercentile(50) != 0 || s.Min != 0 || s.Max != 0 || s.Mean != 0 ||
            h.Min != 0 || h.Max != 0 || h.Mean != 0)
        {
            reason = "empty histogram does not read as zeros"u8;
            return false;
        }

        h.Record(777);
        h.Record(123_456_789);
        h.Record(ulong.MaxValue);
        h.Snapshot(s);
        if (s.ValueAtPercentile(0) != 777 || s.ValueAtPercentile(-5) != 777 || s.ValueAtPercentile(double.NaN) != 777 ||
            s.ValueAtPercentile(100) != ulong.MaxValue || s.ValueAtPercentile(250) != ulong.MaxValue ||
            !WithinOnePercent(s.ValueAtPercentile(50), 123_456_789))
        {
            reason = "p0/p100 not min/max or clamping wrong"u8;
            return false;
        }
        return true;
    }

    private static bool MergeAddsOther(LatencyHistogram a, LatencyHistogram b, ref ReadOnlySpan<byte> reason)
    {
        a.Record(10);
        a.Record(20);
        b.Record(5);
        b.Record(1000);
        b.Record(1000);
        a.Merge(b);
        if (a.Count != 5 || a.Sum != 2035 || a.Min != 5 || a.Max != 1000 || a.ValueAtPercentile(100) != 1000)
        {
            reason = "merged totals wrong"u8;
            return false;
        }
        if (b.Count != 3 || b.Sum != 2005 || b.Min != 5)
        {
            reason = "merge changed its source"u8;
            return false;
        }
        return true;
    }

    private static bool ResetClears(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        h.Record(50);
        h.Record(5_000_000);
        h.Reset();
        h.Snapshot(s);
        int cursor = 0;
        if (h.Count != 0 || h.Sum != 0 || h.Max != 0 || s.Count != 0 || s.NextNonEmpty(ref cursor, out _))
        {
            reason = "reset left data behind"u8;
            return false;
        }

        h.Record(42);
        if (h.Count != 1 || h.Min != 42 || h.Max != 42)
        {
            reason = "recording after reset wrong"u8;
            return false;
        }
        return true;
    }

    private static bool SnapshotBucketsSumToCount(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        ulong v = 1;
        for (int i = 0; i < 500; i++)
        {
            h.Record(v);
            v = v * 3 / 2 + 1;
            if (v > 1UL << 50)
            {
                v = 1;
            }
        }
        h.Snapshot(s);

        ulong total = 0;
        int previous = -1;
        int cursor = 0;
        while (s.NextNonEmpty(ref cursor, out HistogramBucket b))
        {
            if (b.Index <= previous || b.Count == 0 || b.Lower > b.Upper ||
                b.Lower != HistogramBuckets.LowerBound(b.Index) || b.Upper != HistogramBuckets.UpperBound(b.Index))
            {
                reason = "non-empty buckets out of order or malformed"u8;
                return false;
            }
            previous = b.Index;
            total += b.Count;
        }

        if (total != 500 || s.Count != 500 || s.Sum != h.Sum)
        {
            reason = "bucket counts do not add up to count"u8;
            return false;
        }
        return true;
    }

    // 70,000 records of one value: the per-shard 16-bit counter wraps and carries once.
    private static bool ShardCounterCarryExact(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        for (int i = 0; i < 70_000; i++)
        {
            h.Record(4242);
        }
        h.Snapshot(s);
        int cursor = 0;
        if (!s.NextNonEmpty(ref cursor, out HistogramBucket b) || b.Count != 70_000 || s.Count != 70_000 ||
            s.NextNonEmpty(ref cursor, out _))
        {
            reason = "carry from shard counters lost counts"u8;
            return false;
        }
        return true;
    }

    private static bool SummaryMatchesSnapshot(LatencyHistogram h, HistogramSnapshot s, ref ReadOnlySpan<byte> reason)
    {
        for (ulong v = 100; v < 200_000; v += 7)
        {
            h.Record(v);
        }
        h.Snapshot(s);
        HistogramSummary m = s.Summarize();
        if (m.Count != s.Count || m.Sum != s.Sum || m.Min != 100 || m.Max != s.Max || m.Mean != s.Mean ||
            m.P50 != s.ValueAtPercentile(50) || m.P90 != s.ValueAtPercentile(90) || m.P95 != s.ValueAtPercentile(95) ||
            m.P99 != s.ValueAtPercentile(99) || m.P999 != s.ValueAtPercentile(99.9) ||
            !(m.P50 <= m.P90 && m.P90 <= m.P95 && m.P95 <= m.P99 && m.P99 <= m.P999 && m.P999 <= m.Max))
        {
            reason = "summary disagrees with snapshot"u8;
            return false;
        }
        return true;
    }

    private static bool AutonomyCounters(AutonomyMetrics a, AutonomySnapshot s, ref ReadOnlySpan<byte> reason)
    {
        for (int action = 0; action <= (int)AutonomyAction.Exploitation; action++)
        {
            for (int k = 0; k <= action; k++)
            {
                a.RecordAction((AutonomyAction)action);
            }
        }
        a.RecordIntervention(1500, true);
        a.RecordIntervention(2500, false);
        a.RecordIntervention(500, true);
        a.Snapshot(s);

        for (int i = 0; i <= (int)AutonomyAction.Exploitation; i++)
        {
            if (s.Value(i) != (ulong)(i + 1) || a.Value(i) != (ulong)(i + 1))
            {
                reason = "action counter wrong"u8;
                return false;
            }
        }
        if (s.TotalInterventions != 3 || s.SuccessfulInterventions != 2 || s.InterventionLatency.Count != 3 ||
            s.InterventionLatency.Sum != 4500 || s.Action(AutonomyAction.OomPrevention) != 2)
        {
            reason = "intervention totals or latency wrong"u8;
            return false;
        }

        for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
        {
            if (AutonomyMetrics.CounterName(i).IsEmpty)
            {
                reason = "counter without a name"u8;
                return false;
            }
        }
        return true;
    }

    private static bool WithinOnePercent(ulong actual, ulong expected)
    {
        ulong difference = actual > expected ? actual - expected : expected - actual;
        return difference * 100 <= expected;
    }
}
