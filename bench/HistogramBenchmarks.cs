// LatencyHistogram.Record against HdrHistogram's LongHistogram (not
// thread-safe) and LongConcurrentHistogram (thread-safe), single-threaded and
// with two threads recording into the same histogram at once.
//
// Values are a fixed log-normal sample of latencies (median 50 us), replayed
// in order. The table reads as nanoseconds per record per thread: each
// benchmark records PerThread values on each of its threads
// (OperationsPerInvoke = PerThread), so with two threads a figure equal to
// the single-threaded one means perfect scaling.
// Records run on two persistent worker threads created in GlobalSetup, so
// each thread keeps its shard (CurrentShard) across invocations.
// LatencyHistogram_separate_x2 is the control: two threads, each recording
// into its own histogram, share nothing; it shows how far two threads scale
// on the machine at all (a 2-vCPU VM does not give two idle cores).
using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HdrHistogram;
using KernelStress.Metrics;

namespace KernelStress.Bench;

[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class HistogramBenchmarks
{
    private const int PerThread = 1 << 20;
    private const int ValueMask = (1 << 14) - 1;
    private const long Highest = 1L << 42; // about 73 minutes in ns

    private readonly ulong[] _values = new ulong[ValueMask + 1];
    private readonly long[] _signedValues = new long[ValueMask + 1];
    private LatencyHistogram _ours = null!;
    private LatencyHistogram _oursSecond = null!;
    private LongHistogram _hdr = null!;
    private LongConcurrentHistogram _hdrConcurrent = null!;
    private Worker _first = null!;
    private Worker _second = null!;

    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(7);
        for (int i = 0; i < _values.Length; i++)
        {
            double normal = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
            _signedValues[i] = Math.Max(1, (long)Math.Exp(Math.Log(50_000) + normal));
            _values[i] = (ulong)_signedValues[i];
        }

        _ours = new LatencyHistogram(Environment.ProcessorCount);
        _oursSecond = new LatencyHistogram(Environment.ProcessorCount);
        _hdr = new LongHistogram(Highest, 2);
        _hdrConcurrent = new LongConcurrentHistogram(1, Highest, 2);
        _first = new Worker();
        _second = new Worker();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _first.Stop();
        _second.Stop();
    }

    [BenchmarkCategory("1 thread"), Benchmark(Baseline = true, OperationsPerInvoke = PerThread)]
    public void Hdr_LongHistogram_not_thread_safe() => _first.Run(RecordHdr);

    [BenchmarkCategory("1 thread"), Benchmark(OperationsPerInvoke = PerThread)]
    public void Hdr_LongConcurrentHistogram() => _first.Run(RecordHdrConcurrent);

    [BenchmarkCategory("1 thread"), Benchmark(OperationsPerInvoke = PerThread)]
    public void LatencyHistogram_Record() => _first.Run(RecordOurs);

    [BenchmarkCategory("2 threads"), Benchmark(Baseline = true, OperationsPerInvoke = PerThread)]
    public void Hdr_LongConcurrentHistogram_x2() => RunBoth(RecordHdrConcurrent, RecordHdrConcurrent);

    [BenchmarkCategory("2 threads"), Benchmark(OperationsPerInvoke = PerThread)]
    public void LatencyHistogram_Record_x2() => RunBoth(RecordOurs, RecordOurs);

    [BenchmarkCategory("2 threads"), Benchmark(OperationsPerInvoke = PerThread)]
    public void LatencyHistogram_separate_x2() => RunBoth(RecordOurs, RecordOursSecond);

    private void RunBoth(Action first, Action second)
    {
        _first.Start(first);
        _second.Start(second);
        _first.Wait();
        _second.Wait();
    }

    private void RecordOurs() => Record(_ours);

    private void RecordOursSecond() => Record(_oursSecond);

    private void Record(LatencyHistogram h)
    {
        ulong[] values = _values;
        for (int i = 0; i < PerThread; i++)
        {
            h.Record(values[i & ValueMask]);
        }
    }

    private void RecordHdr()
    {
        LongHistogram h = _hdr;
        long[] values = _signedValues;
        for (int i = 0; i < PerThread; i++)
        {
            h.RecordValue(values[i & ValueMask]);
        }
    }

    private void RecordHdrConcurrent()
    {
        LongConcurrentHistogram h = _hdrConcurrent;
        long[] values = _signedValues;
        for (int i = 0; i < PerThread; i++)
        {
            h.RecordValue(values[i & ValueMask]);
        }
    }

    /// <summary>A persistent thread that runs one action per Start and signals when done.</summary>
    private sealed class Worker
    {
        private readonly SemaphoreSlim _start = new SemaphoreSlim(0);
        private readonly SemaphoreSlim _done = new SemaphoreSlim(0);
        private Action? _action;

        public Worker()
        {
            new Thread(Loop) { IsBackground = true }.Start();
        }

        public void Run(Action action)
        {
            Start(action);
            Wait();
        }

        public void Start(Action action)
        {
            _action = action;
            _start.Release();
        }

        public void Wait() => _done.Wait();

        public void Stop() => Start(null!);

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                Action? action = _action;
                if (action == null)
                {
                    return;
                }
                action();
                _done.Release();
            }
        }
    }
}
