// The one stress run in progress (runs come from the shell, one at a time):
// its options, its clock (start, deadline, the stop request that ends every
// thread of the run), the counters and latency histograms it measures, and
// its verdict. Everything here is allocated once; Begin resets it.
// Threads of the run record concurrently: counters with Interlocked, the
// histograms are wait-free (LatencyHistogram). Only the coordinator (the
// shell thread) calls Begin, Finish and the reporting methods.
using System;
using System.Threading;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal enum StressVerdict
    {
        Pass,
        Partial,
        Fail,
        Count,
    }

    internal static class StressRun
    {
        public const int MaxHistograms = 5;
        // Histogram shards: CPUs past this share one (LatencyHistogram masks the CPU index).
        public const int Shards = 4;
        // The most counters of its own a kind may have (storm has 13).
        public const int MaxKindCounters = 16;

        private static readonly long[] s_counters = new long[StressCounters.Count];
        private static readonly bool[] s_counterSet = new bool[StressCounters.Count];
        private static readonly long[] s_kindCounters = new long[MaxKindCounters];
        private static readonly bool[] s_kindCounterSet = new bool[MaxKindCounters];
        private static int s_kindCounterCount;
        private static readonly LatencyHistogram[] s_histograms = CreateHistograms();
        private static readonly StressHistogram[] s_histogramNames = new StressHistogram[MaxHistograms];
        // Long enough for the longest reason any kind writes (learning: about 150 bytes).
        private static readonly CaptureSink s_reason = new CaptureSink(384);
        private static int s_histogramCount;
        private static int s_stop;

        public static StressOptions Options;
        public static ulong StartNanoseconds;
        public static ulong DeadlineNanoseconds;
        public static ulong EndNanoseconds;
        public static StressVerdict Verdict;
        public static bool Cancelled;

        public static readonly HistogramSnapshot Snapshot = new HistogramSnapshot();

        public static void Begin(in StressOptions options)
        {
            Options = options;
            for (int i = 0; i < s_counters.Length; i++)
            {
                s_counters[i] = 0;
                s_counterSet[i] = false;
            }
            for (int i = 0; i < MaxKindCounters; i++)
            {
                s_kindCounters[i] = 0;
                s_kindCounterSet[i] = false;
            }
            s_kindCounterCount = NameTable.CountOf(StressKinds.Of(options.Kind).CounterNames.Span);
            s_histogramCount = 0;
            s_reason.Clear();
            Verdict = StressVerdict.Pass;
            Cancelled = false;
            Volatile.Write(ref s_stop, 0);
            Set(StressCounter.Ops, 0);
            Set(StressCounter.Failed, 0);
            StartNanoseconds = Clock.NowNanoseconds;
            DeadlineNanoseconds = StartNanoseconds + options.DurationMs * 1_000_000;
            EndNanoseconds = StartNanoseconds;
        }

        // Every thread of the run polls this and ends its loop when it turns true.
        public static bool Stopping => Volatile.Read(ref s_stop) != 0;

        public static void RequestStop() => Volatile.Write(ref s_stop, 1);

        // True once the deadline passed or Ctrl-C arrived (then the run is marked cancelled).
        public static bool ShouldEnd()
        {
            if (UartInput.CancelRequested)
                Cancelled = true;
            return Cancelled || Clock.NowNanoseconds >= DeadlineNanoseconds;
        }

        public static void Finish() => EndNanoseconds = Clock.NowNanoseconds;

        public static ulong ElapsedMs => ((Stopping ? EndNanoseconds : Clock.NowNanoseconds) - StartNanoseconds) / 1_000_000;

        public static ulong DurationMs => (EndNanoseconds - StartNanoseconds) / 1_000_000;

        public static LatencyHistogram AddHistogram(StressHistogram name)
        {
            LatencyHistogram histogram = s_histograms[s_histogramCount];
            histogram.Reset();
            s_histogramNames[s_histogramCount] = name;
            s_histogramCount++;
            return histogram;
        }

        public static int HistogramCount => s_histogramCount;

        public static LatencyHistogram Histogram(int index) => s_histograms[index];

        public static StressHistogram HistogramName(int index) => s_histogramNames[index];

        public static void Set(StressCounter counter, long value)
        {
            s_counterSet[(int)counter] = true;
            Volatile.Write(ref s_counters[(int)counter], value);
        }

        public static void Add(StressCounter counter, long value)
        {
            s_counterSet[(int)counter] = true;
            Interlocked.Add(ref s_counters[(int)counter], value);
        }

        public static void Increment(StressCounter counter) => Add(counter, 1);

        public static void RaiseTo(StressCounter counter, long value)
        {
            s_counterSet[(int)counter] = true;
            long seen = Volatile.Read(ref s_counters[(int)counter]);
            while (value > seen)
            {
                long previous = Interlocked.CompareExchange(ref s_counters[(int)counter], value, seen);
                if (previous == seen)
                    return;
                seen = previous;
            }
        }

        public static long Get(StressCounter counter) => Volatile.Read(ref s_counters[(int)counter]);

        public static bool IsSet(StressCounter counter) => s_counterSet[(int)counter];

        public static void Set(KindCounter counter, long value)
        {
            s_kindCounterSet[Checked(counter)] = true;
            Volatile.Write(ref s_kindCounters[counter.Index], value);
        }

        public static void Add(KindCounter counter, long value)
        {
            s_kindCounterSet[Checked(counter)] = true;
            Interlocked.Add(ref s_kindCounters[counter.Index], value);
        }

        public static void Increment(KindCounter counter) => Add(counter, 1);

        public static long Get(KindCounter counter) => Volatile.Read(ref s_kindCounters[Checked(counter)]);

        public static bool IsSet(KindCounter counter) => s_kindCounterSet[Checked(counter)];

        // A counter past the kind's CounterNames would be measured and never written.
        private static int Checked(KindCounter counter)
        {
            if (counter.Index >= s_kindCounterCount)
                Panic.Halt("stress"u8, "a kind's counter has no name in its descriptor's CounterNames"u8);
            return counter.Index;
        }

        // The verdict only gets worse: a later PASS does not undo a FAIL.
        public static void Judge(StressVerdict verdict)
        {
            if (verdict > Verdict)
                Verdict = verdict;
        }

        // The reason the record and the summary give; the first one set stays unless replaced by a worse verdict.
        public static TextSink Reason => s_reason;

        public static ReadOnlySpan<byte> ReasonText => s_reason.Written;

        public static void Fail(ReadOnlySpan<byte> reason)
        {
            if (Verdict != StressVerdict.Fail)
                s_reason.Clear();
            Verdict = StressVerdict.Fail;
            if (s_reason.Written.Length == 0)
                s_reason.Write(reason);
        }

        private static readonly NameTable s_verdictNames = new NameTable("PASS|PARTIAL|FAIL"u8, (int)StressVerdict.Count);

        public static ReadOnlySpan<byte> VerdictText(StressVerdict verdict) => s_verdictNames[(int)verdict];

        private static LatencyHistogram[] CreateHistograms()
        {
            var histograms = new LatencyHistogram[MaxHistograms];
            for (int i = 0; i < MaxHistograms; i++)
                histograms[i] = new LatencyHistogram(Shards);
            return histograms;
        }
    }
}
