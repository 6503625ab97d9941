// Property tests (CsCheck) of merge, reset, min/max and the snapshot against
// a model: the plain list of recorded values.
using System;
using CsCheck;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class PropertyTests
{
    private static readonly Gen<ulong> Latency =
        Gen.Frequency((4, Gen.ULong[1, 100_000]), (2, Gen.ULong[1, 4_000_000_000_000]), (1, Gen.ULong));

    private static readonly Gen<ulong[]> Batch = Latency.Array[0, 300];

    [Fact]
    public void Count_sum_min_max_are_exact()
    {
        Batch.Sample(values =>
        {
            var h = Record(new LatencyHistogram(2), values);
            Assert.Equal((ulong)values.Length, h.Count);
            Assert.Equal(Sum(values), h.Sum);
            Assert.Equal(values.Length == 0 ? 0 : Min(values), h.Min);
            Assert.Equal(values.Length == 0 ? 0 : Max(values), h.Max);
        });
    }

    [Fact]
    public void Merge_equals_recording_both_batches_into_one_histogram()
    {
        Gen.Select(Batch, Batch).Sample((a, b) =>
        {
            var merged = Record(new LatencyHistogram(4), a);
            merged.Merge(Record(new LatencyHistogram(1), b));
            var direct = Record(Record(new LatencyHistogram(1), a), b);
            AssertSameSnapshot(direct, merged);
        });
    }

    [Fact]
    public void Merge_is_commutative()
    {
        Gen.Select(Batch, Batch).Sample((a, b) =>
        {
            var ab = Record(new LatencyHistogram(1), a);
            ab.Merge(Record(new LatencyHistogram(1), b));
            var ba = Record(new LatencyHistogram(1), b);
            ba.Merge(Record(new LatencyHistogram(1), a));
            AssertSameSnapshot(ab, ba);
        });
    }

    [Fact]
    public void Reset_then_record_equals_a_fresh_histogram()
    {
        Gen.Select(Batch, Batch).Sample((before, after) =>
        {
            var h = Record(new LatencyHistogram(2), before);
            h.Reset();
            Assert.Equal(0UL, h.Count);
            Assert.Equal(0UL, h.Min);
            Assert.Equal(0UL, h.Max);
            Record(h, after);
            AssertSameSnapshot(Record(new LatencyHistogram(1), after), h);
        });
    }

    [Fact]
    public void Percentiles_are_monotonic_and_between_min_and_max()
    {
        Gen.Select(Latency.Array[1, 300], Gen.Double[0, 100], Gen.Double[0, 100]).Sample((values, p, q) =>
        {
            var s = new HistogramSnapshot();
            Record(new LatencyHistogram(1), values).Snapshot(s);
            double lo = Math.Min(p, q), hi = Math.Max(p, q);
            Assert.True(s.ValueAtPercentile(lo) <= s.ValueAtPercentile(hi));
            Assert.InRange(s.ValueAtPercentile(lo), s.Min, s.Max);
            Assert.Equal(s.Min, s.ValueAtPercentile(0));
            Assert.Equal(s.Max, s.ValueAtPercentile(100));
        });
    }

    [Fact]
    public void Non_empty_buckets_hold_exactly_the_recorded_values()
    {
        Batch.Sample(values =>
        {
            var s = new HistogramSnapshot();
            Record(new LatencyHistogram(1), values).Snapshot(s);
            int cursor = 0;
            ulong total = 0;
            while (s.NextNonEmpty(ref cursor, out HistogramBucket b))
            {
                ulong expected = 0;
                foreach (ulong v in values)
                {
                    if (v >= b.Lower && v <= b.Upper)
                    {
                        expected++;
                    }
                }
                Assert.Equal(expected, b.Count);
                total += b.Count;
            }
            Assert.Equal((ulong)values.Length, total);
            Assert.Equal(total, s.Count);
        });
    }

    [Fact]
    public void Snapshot_replaces_previous_contents()
    {
        Gen.Select(Batch, Batch).Sample((a, b) =>
        {
            var s = new HistogramSnapshot();
            Record(new LatencyHistogram(1), a).Snapshot(s);
            Record(new LatencyHistogram(1), b).Snapshot(s);
            var fresh = new HistogramSnapshot();
            Record(new LatencyHistogram(1), b).Snapshot(fresh);
            Assert.Equal(fresh.Summarize(), s.Summarize());
        });
    }

    internal static LatencyHistogram Record(LatencyHistogram h, ulong[] values)
    {
        foreach (ulong v in values)
        {
            h.Record(v);
        }
        return h;
    }

    private static void AssertSameSnapshot(LatencyHistogram expected, LatencyHistogram actual)
    {
        var e = new HistogramSnapshot();
        var a = new HistogramSnapshot();
        expected.Snapshot(e);
        actual.Snapshot(a);
        Assert.Equal(e.Summarize(), a.Summarize());
        int ce = 0, ca = 0;
        while (e.NextNonEmpty(ref ce, out HistogramBucket be))
        {
            Assert.True(a.NextNonEmpty(ref ca, out HistogramBucket ba));
            Assert.Equal(be, ba);
        }
        Assert.False(a.NextNonEmpty(ref ca, out _));
    }

    private static ulong Sum(ulong[] values)
    {
        ulong s = 0;
        foreach (ulong v in values)
        {
            s += v; // wraps like the histogram's sum when the generator draws near-ulong.MaxValue values
        }
        return s;
    }

    private static ulong Min(ulong[] values)
    {
        ulong m = ulong.MaxValue;
        foreach (ulong v in values)
        {
            m = Math.Min(m, v);
        }
        return m;
    }

    private static ulong Max(ulong[] values)
    {
        ulong m = 0;
        foreach (ulong v in values)
        {
            m = Math.Max(m, v);
        }
        return m;
    }
}
