// `stresstest compare KIND [--pairs N]`: the same kind run as N seed-paired
// pairs (seeds S, S+1, ... S+N-1), each pair autonomy off and then on, every
// run with its own result record. The off run never starts the controller.
// After the pairs: for one pair the seed's "=== Comparative Results ===" block
// with the measured deltas; always the paired block, per metric (OOM events,
// peak and average pressure, ops, alloc p99) the median on/off ratio and the
// sign test over the pairs (PairedComparison); then a `compare` record
// {test, seed, pairs, off{...}, on{...} (the first pair), interventions_on
// (the first pair's, by type), metrics{name: {median_ratio, on_lower,
// on_higher, ties, p_value}}}.
using System;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Records;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal enum CompareMetric
    {
        OomEvents,
        PeakPressure,
        AvgPressure,
        Ops,
        AllocP99,
    }

    internal static class StressCompare
    {
        public const int MaxPairs = 32;
        private const int Metrics = 5;

        private static readonly double[] s_off = new double[Metrics * MaxPairs];
        private static readonly double[] s_on = new double[Metrics * MaxPairs];
        private static readonly double[] s_scratch = new double[MaxPairs];
        private static readonly ulong[] s_interventionsOn = new ulong[AutonomyMetrics.TotalInterventions];
        private static RunSummary s_firstOff;
        private static RunSummary s_firstOn;

        public static void Run(StressOptions options, TokenList args, TextSink output)
        {
            ulong firstSeed = options.Seed;
            int pairs = 0;
            for (int i = 0; i < (int)options.Pairs && i < MaxPairs; i++)
            {
                options.Seed = firstSeed + (ulong)i;
                options.Autonomy = false;
                options.Baseline = true;
                StressCoordinator.Run(options, args, output);
                if (StressRun.Cancelled)
                    break;
                RunSummary off = StressHistory.Latest;
                options.Autonomy = true;
                options.Baseline = false;
                StressCoordinator.Run(options, args, output);
                RunSummary on = StressHistory.Latest;
                if (i == 0)
                    KeepFirst(off, on);
                for (int m = 0; m < Metrics; m++)
                {
                    s_off[m * MaxPairs + i] = Value(off, (CompareMetric)m);
                    s_on[m * MaxPairs + i] = Value(on, (CompareMetric)m);
                }
                pairs++;
                if (StressRun.Cancelled)
                    break;
            }
            if (pairs == 0)
                return;
            if (pairs == 1)
                Print(output, s_firstOff, s_firstOn);
            PrintPaired(output, pairs, firstSeed);
            Emit(pairs, firstSeed);
        }

        private static void KeepFirst(in RunSummary off, in RunSummary on)
        {
            s_firstOff = off;
            s_firstOn = on;
            for (int i = 0; i < s_interventionsOn.Length; i++)
                s_interventionsOn[i] = AutonomyController.Run.Value(i);
        }

        private static double Value(in RunSummary run, CompareMetric metric) => metric switch
        {
            CompareMetric.OomEvents => run.OomEvents,
            CompareMetric.PeakPressure => run.PeakPressurePct,
            CompareMetric.AvgPressure => run.AvgPressurePct,
            CompareMetric.Ops => run.Ops,
            _ => run.AllocP99Nanoseconds,
        };

        private static ReadOnlySpan<byte> Name(CompareMetric metric) => metric switch
        {
            CompareMetric.OomEvents => "oom_events"u8,
            CompareMetric.PeakPressure => "peak_pressure_pct"u8,
            CompareMetric.AvgPressure => "avg_pressure_pct"u8,
            CompareMetric.Ops => "ops"u8,
            _ => "alloc_p99_ns"u8,
        };

        private static ReadOnlySpan<byte> Title(CompareMetric metric) => metric switch
        {
            CompareMetric.OomEvents => "OOM events"u8,
            CompareMetric.PeakPressure => "Peak pressure"u8,
            CompareMetric.AvgPressure => "Avg pressure"u8,
            CompareMetric.Ops => "Ops"u8,
            _ => "Alloc p99"u8,
        };

        // Ops applies to every kind; the rest only where the memory workload runs (the kinds that measure alloc_latency).
        private static bool Applies(CompareMetric metric) => metric == CompareMetric.Ops || s_firstOn.HasAllocLatency;

        private static PairedComparison Compare(CompareMetric metric, int pairs) =>
            PairedComparison.Of(new ReadOnlySpan<double>(s_off, (int)metric * MaxPairs, pairs),
                new ReadOnlySpan<double>(s_on, (int)metric * MaxPairs, pairs), s_scratch);

        // "OOM events: median on/off 0.480; on lower in 8, higher in 0, tied 0 of 8 pairs; sign test p=0.0078".
        private static void PrintPaired(TextSink output, int pairs, ulong firstSeed)
        {
            StressOutput.Lock.Lock();
            output.Write("=== Paired Results: "u8);
            output.WriteDecimal((ulong)pairs);
            output.Write(" pair(s), seeds "u8);
            output.WriteDecimal(firstSeed);
            output.Write(".."u8);
            output.WriteDecimal(firstSeed + (ulong)pairs - 1);
            output.WriteLine(" ==="u8);
            for (int m = 0; m < Metrics; m++)
            {
                var metric = (CompareMetric)m;
                if (!Applies(metric))
                    continue;
                PairedComparison c = Compare(metric, pairs);
                output.Write(Title(metric));
                output.Write(": median on/off "u8);
                if (c.Ratios > 0)
                    output.WriteFixed(c.MedianRatio, 3);
                else
                    output.Write("none (off was 0)"u8);
                output.Write("; on lower in "u8);
                output.WriteDecimal((ulong)c.Lower);
                output.Write(", higher in "u8);
                output.WriteDecimal((ulong)c.Higher);
                output.Write(", tied "u8);
                output.WriteDecimal((ulong)c.Ties);
                output.Write(" of "u8);
                output.WriteDecimal((ulong)pairs);
                output.Write(" pairs; sign test p="u8);
                output.WriteFixed(c.PValue, 4);
                output.WriteLine();
            }
            StressOutput.Lock.Unlock();
        }

        private static void Print(TextSink output, in RunSummary off, in RunSummary on)
        {
            StressOutput.Lock.Lock();
            output.WriteLine("=== Comparative Results ==="u8);
            Side(output, "Autonomy OFF:"u8, off);
            Side(output, "Autonomy ON:"u8, on);
            output.Write("Deltas (ON - OFF): OOM events "u8);
            Signed(output, on.OomEvents - off.OomEvents);
            output.Write(", peak pressure "u8);
            Signed(output, on.PeakPressurePct - off.PeakPressurePct);
            output.Write("%, p99 "u8);
            Signed(output, (long)on.P99Nanoseconds - (long)off.P99Nanoseconds);
            output.Write("ns, interventions "u8);
            Signed(output, (long)on.TotalInterventions - (long)off.TotalInterventions);
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }

        private static void Side(TextSink output, ReadOnlySpan<byte> title, in RunSummary run)
        {
            output.WriteLine(title);
            output.Write("  Peak pressure: "u8);
            output.WriteDecimal(run.PeakPressurePct);
            output.WriteLine("%"u8);
            output.Write("  OOM events: "u8);
            output.WriteDecimal(run.OomEvents);
            output.WriteLine();
            output.Write("  p99 latency: "u8);
            output.WriteDecimal(run.P99Nanoseconds);
            output.WriteLine(" ns"u8);
            output.Write("  Duration: "u8);
            output.WriteDecimal(run.DurationMs);
            output.WriteLine(" ms"u8);
            output.Write("  AI interventions: "u8);
            output.WriteDecimal(run.TotalInterventions);
            output.WriteLine();
            Count(output, "    - Proactive compactions: "u8, run.Compactions);
            Count(output, "    - OOM preventions: "u8, run.OomPreventions);
            Count(output, "    - Memory predictions: "u8, run.PressurePredictions);
            Count(output, "    - Priority boosts: "u8, run.PriorityBoosts);
            Count(output, "    - Deadline adjustments: "u8, run.DeadlineAdjustments);
            Count(output, "    - Rebalances: "u8, run.Rebalances);
        }

        private static void Count(TextSink output, ReadOnlySpan<byte> label, ulong value)
        {
            if (value == 0)
                return;
            output.Write(label);
            output.WriteDecimal(value);
            output.WriteLine();
        }

        private static void Signed(TextSink output, long value)
        {
            if (value >= 0)
                output.Write("+"u8);
            output.WriteDecimal(value);
        }

        private static void Emit(int pairs, ulong firstSeed)
        {
            StressOutput.Lock.Lock();
            JsonWriter json = StressOutput.BeginRecord("compare"u8);
            json.WriteString("test"u8, StressKinds.Name(s_firstOn.Kind));
            json.WriteNumber("seed"u8, firstSeed);
            json.WriteNumber("pairs"u8, (ulong)pairs);
            Figures(ref json, "off"u8, s_firstOff);
            Figures(ref json, "on"u8, s_firstOn);
            json.WriteStartObject("interventions_on"u8);
            for (int i = 0; i < AutonomyMetrics.TotalInterventions; i++)
            {
                if (ResultRecord.IsIntervention((AutonomyAction)i))
                    json.WriteNumber(AutonomyMetrics.CounterName(i), s_interventionsOn[i]);
            }
            json.WriteEndObject();
            json.WriteStartObject("metrics"u8);
            for (int m = 0; m < Metrics; m++)
            {
                var metric = (CompareMetric)m;
                if (!Applies(metric))
                    continue;
                PairedComparison c = Compare(metric, pairs);
                json.WriteStartObject(Name(metric));
                if (c.Ratios > 0)
                    json.WriteFixed("median_ratio"u8, c.MedianRatio, 4);
                else
                    json.WriteNull("median_ratio"u8);
                json.WriteNumber("on_lower"u8, (ulong)c.Lower);
                json.WriteNumber("on_higher"u8, (ulong)c.Higher);
                json.WriteNumber("ties"u8, (ulong)c.Ties);
                json.WriteFixed("p_value"u8, c.PValue, 6);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            StressOutput.EndRecord(ref json);
            StressOutput.Lock.Unlock();
        }

        private static void Figures(ref JsonWriter json, ReadOnlySpan<byte> name, in RunSummary run)
        {
            json.WriteStartObject(name);
            json.WriteNumber("oom_events"u8, run.OomEvents);
            json.WriteNumber("peak_pressure_pct"u8, run.PeakPressurePct);
            json.WriteNumber("p99_ns"u8, run.P99Nanoseconds);
            json.WriteNumber("total_interventions"u8, run.TotalInterventions);
            json.WriteEndObject();
        }
    }
}
