// The phases of the run in progress, written as the result record's "phases"
// array: one row per ramp level or per scale component and thread count, each
// with a name, its duration, the counters it set and, for a timed phase, its
// latency histogram (histograms are 60 KiB each: only MaxTimedPhases exist).
// The host tool reads every row as a CSV row named "test/name" (the implementation guide's
// columns), so a row carries ops and failed like a result does.
// Preallocated: Reset (the coordinator, at the start of every run) empties
// the table; a workload Adds rows from the shell thread or one producer thread,
// and the phase's own threads record into its histogram concurrently.
using System;
using KernelStress.Kernel.Records;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Phases
{
    internal static class StressPhases
    {
        // leak: one untimed row per cycle.
        public const int MaxPhases = 64;
        // scale: up to 6 thread counts for each of 5 components.
        public const int MaxTimedPhases = 30;
        private const int NameCapacity = 24;

        private static readonly byte[] s_names = new byte[MaxPhases * NameCapacity];
        private static readonly int[] s_nameLengths = new int[MaxPhases];
        private static readonly ulong[] s_durationMs = new ulong[MaxPhases];
        private static readonly long[] s_counters = new long[MaxPhases * PhaseCounters.Count];
        private static readonly bool[] s_counterSet = new bool[MaxPhases * PhaseCounters.Count];
        private static readonly int[] s_histogramOf = new int[MaxPhases];
        private static readonly LatencyHistogram[] s_histograms = CreateHistograms();
        private static int s_count;
        private static int s_timed;

        public static int Count => s_count;

        public static void Reset()
        {
            s_count = 0;
            s_timed = 0;
        }

        // A new row named prefix + number ("level_25", "alloc_t4"), with a latency histogram when
        // `timed`; its index, or -1 when the table (or the histogram pool) is full.
        public static int Add(ReadOnlySpan<byte> prefix, ulong number, bool timed)
        {
            if (s_count == MaxPhases || (timed && s_timed == MaxTimedPhases))
                return -1;
            int phase = s_count;
            Span<byte> name = new Span<byte>(s_names, phase * NameCapacity, NameCapacity);
            Span<byte> digits = stackalloc byte[20];
            int digitCount = AsciiFormat.Decimal(digits, number);
            prefix.CopyTo(name);
            digits.Slice(0, digitCount).CopyTo(name.Slice(prefix.Length));
            s_nameLengths[phase] = prefix.Length + digitCount;
            s_durationMs[phase] = 0;
            for (int i = 0; i < PhaseCounters.Count; i++)
            {
                s_counters[phase * PhaseCounters.Count + i] = 0;
                s_counterSet[phase * PhaseCounters.Count + i] = false;
            }
            s_histogramOf[phase] = timed ? s_timed++ : -1;
            if (timed)
                s_histograms[s_histogramOf[phase]].Reset();
            s_count++;
            return phase;
        }

        public static ReadOnlySpan<byte> Name(int phase) => new ReadOnlySpan<byte>(s_names, phase * NameCapacity, s_nameLengths[phase]);

        // A timed phase's latency histogram.
        public static LatencyHistogram Histogram(int phase) => s_histograms[s_histogramOf[phase]];

        public static void SetDuration(int phase, ulong milliseconds) => s_durationMs[phase] = milliseconds;

        public static ulong DurationMs(int phase) => s_durationMs[phase];

        public static void Set(int phase, PhaseCounter counter, long value)
        {
            s_counters[phase * PhaseCounters.Count + (int)counter] = value;
            s_counterSet[phase * PhaseCounters.Count + (int)counter] = true;
        }

        // For threads of the phase counting concurrently (Interlocked); the counter is written from now on.
        public static ref long Counter(int phase, PhaseCounter counter)
        {
            s_counterSet[phase * PhaseCounters.Count + (int)counter] = true;
            return ref s_counters[phase * PhaseCounters.Count + (int)counter];
        }

        public static long Get(int phase, PhaseCounter counter) => s_counters[phase * PhaseCounters.Count + (int)counter];

        // "phases": [{name, duration_ms, counters, histograms: {latency}}, ...]; nothing when the run has none.
        public static void Write(ref JsonWriter json, HistogramSnapshot snapshot)
        {
            if (s_count == 0)
                return;
            json.WriteStartArray("phases"u8);
            for (int phase = 0; phase < s_count; phase++)
            {
                json.WriteStartObject();
                json.WriteString("name"u8, Name(phase));
                json.WriteNumber("duration_ms"u8, s_durationMs[phase]);
                json.WriteStartObject("counters"u8);
                for (int i = 0; i < PhaseCounters.Count; i++)
                {
                    if (s_counterSet[phase * PhaseCounters.Count + i])
                        json.WriteNumber(PhaseCounters.Name((PhaseCounter)i), s_counters[phase * PhaseCounters.Count + i]);
                }
                json.WriteEndObject();
                if (s_histogramOf[phase] >= 0)
                {
                    json.WriteStartObject("histograms"u8);
                    Histogram(phase).Snapshot(snapshot);
                    HistogramJson.Write(ref json, "latency"u8, snapshot);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private static LatencyHistogram[] CreateHistograms()
        {
            var histograms = new LatencyHistogram[MaxTimedPhases];
            for (int i = 0; i < MaxTimedPhases; i++)
                histograms[i] = new LatencyHistogram(StressRun.Shards);
            return histograms;
        }
    }
}
