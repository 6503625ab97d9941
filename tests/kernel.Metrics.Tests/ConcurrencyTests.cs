// Record from several threads at once: nothing is lost, nothing counted
// twice, also while snapshots, merges and readers run alongside (which pushes
// writers onto the shared wide path).
using System;
using System.Threading;
using Xunit;

namespace KernelStress.Metrics.Tests;

public class ConcurrencyTests
{
    private const int Threads = 4;
    private const int PerThread = 1_000_000;

    // Thread t records t + 1 + 7 * i for i < PerThread: known exact count, sum, min and max.
    private static ulong Value(int thread, int i) => (ulong)(thread + 1) + 7UL * (ulong)i;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Four_threads_times_a_million_records_give_exact_count_and_sum(int shards)
    {
        var h = new LatencyHistogram(shards);
        RunWriters(h, () => { });

        AssertExactTotals(h);
    }

    [Fact]
    public void Totals_stay_exact_while_a_reader_snapshots_and_merges_concurrently()
    {
        var h = new LatencyHistogram(2);
        var sink = new LatencyHistogram(1);
        var s = new HistogramSnapshot();
        ulong lastCount = 0;
        int snapshots = 0;
        RunWriters(h, () =>
        {
            h.Snapshot(s);
            Assert.True(s.Count >= lastCount, "a snapshot went backwards");
            lastCount = s.Count;
            ulong bucketTotal = 0;
            int cursor = 0;
            while (s.NextNonEmpty(ref cursor, out HistogramBucket b))
            {
                bucketTotal += b.Count;
            }
            Assert.Equal(s.Count, bucketTotal);
            sink.Merge(h);
            sink.Reset();
            snapshots++;
        });

        Assert.True(snapshots > 0);
        AssertExactTotals(h);
    }

    [Fact]
    public void Autonomy_counters_are_exact_under_contention()
    {
        var a = new AutonomyMetrics(2);
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 100_000; i++)
                {
                    a.RecordAction(AutonomyAction.Rebalance);
                    a.RecordIntervention(1000, (i & 1) == 0);
                }
            });
            threads[t].Start();
        }
        foreach (Thread t in threads)
        {
            t.Join();
        }

        var s = new AutonomySnapshot();
        a.Snapshot(s);
        Assert.Equal(400_000UL, s.Action(AutonomyAction.Rebalance));
        Assert.Equal(400_000UL, s.TotalInterventions);
        Assert.Equal(200_000UL, s.SuccessfulInterventions);
        Assert.Equal(400_000UL, s.InterventionLatency.Count);
        Assert.Equal(400_000_000UL, s.InterventionLatency.Sum);
    }

    private static void RunWriters(LatencyHistogram h, Action whileRunning)
    {
        var threads = new Thread[Threads];
        int running = Threads;
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    h.Record(Value(id, i));
                }
                Interlocked.Decrement(ref running);
            });
            threads[t].Start();
        }

        while (Volatile.Read(ref running) > 0)
        {
            whileRunning();
            Thread.Sleep(1);
        }
        foreach (Thread t in threads)
        {
            t.Join();
        }
    }

    private static void AssertExactTotals(LatencyHistogram h)
    {
        ulong sum = 0;
        for (int t = 0; t < Threads; t++)
        {
            for (int i = 0; i < PerThread; i++)
            {
                sum += Value(t, i);
            }
        }

        var s = new HistogramSnapshot();
        h.Snapshot(s);
        Assert.Equal((ulong)Threads * PerThread, h.Count);
        Assert.Equal((ulong)Threads * PerThread, s.Count);
        Assert.Equal(sum, h.Sum);
        Assert.Equal(sum, s.Sum);
        Assert.Equal(1UL, s.Min);
        Assert.Equal(Value(Threads - 1, PerThread - 1), s.Max);
    }
}
