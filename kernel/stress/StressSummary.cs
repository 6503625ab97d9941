// The human lines of a stress run, in the stress-test report's style:
//   [STRESSTEST] Memory: duration=5000ms seed=42 autonomy=off noise=10%
//   [STRESSTEST] Memory completed: duration=5001ms ops=123456 failed=4
//     Peak Pressure: 97%
//     ...
//     Alloc Latency: p50=52ns p95=143ns p99=398ns
//   Status: PASS (reason)
// With --summary only the completed line and the status.
using System;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Metrics;
using KernelStress.Shell;
using KernelStress.Kernel.Records;

namespace KernelStress.Kernel.Stress
{
    internal static unsafe class StressSummary
    {
        public static void Header(TextSink output)
        {
            ref StressOptions options = ref StressRun.Options;
            ref readonly StressKindDescriptor kind = ref StressKinds.Of(options.Kind);
            StressOutput.Lock.Lock();
            WriteTitle(output, kind.Name.Span);
            if (!kind.BoundName.IsEmpty)
            {
                output.Write(": "u8);
                output.Write(kind.BoundName.Span);
                output.Write("="u8);
                output.WriteDecimal(kind.Bound());
            }
            else
            {
                output.Write(": duration="u8);
                output.WriteDecimal(options.DurationMs);
                output.Write("ms"u8);
            }
            output.Write(" seed="u8);
            output.WriteDecimal(options.Seed);
            output.Write(options.Autonomy ? " autonomy=on noise="u8 : " autonomy=off noise="u8);
            output.WriteDecimal((ulong)options.NoisePct);
            output.Write("%"u8);
            if (kind.WriteHeaderTail != null)
                kind.WriteHeaderTail(output);
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }

        // "[STRESSTEST] Memory": the kind's name, capitalised.
        private static void WriteTitle(TextSink output, ReadOnlySpan<byte> name)
        {
            output.Write("[STRESSTEST] "u8);
            Span<byte> first = stackalloc byte[1];
            first[0] = (byte)(name[0] - 'a' + 'A');
            output.Write(first);
            output.Write(name.Slice(1));
        }

        // --verbose, each second: "[STATUS] 1000ms ops=123 failed=0 pressure=78% oom=1 interventions=4".
        public static void Status(TextSink output)
        {
            StressOutput.Lock.Lock();
            output.Write("[STATUS] "u8);
            output.WriteDecimal(StressRun.ElapsedMs);
            output.Write("ms ops="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" failed="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Failed));
            output.Write(" pressure="u8);
            output.WriteDecimal((ulong)MemoryBudget.PressurePct);
            output.Write("% oom="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.OomEvents));
            output.Write(" interventions="u8);
            output.WriteDecimal(AutonomyController.Run.Value(AutonomyMetrics.TotalInterventions));
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }

        public static void Print(TextSink output)
        {
            StressOutput.Lock.Lock();
            WriteTitle(output, StressKinds.Name(StressRun.Options.Kind));
            output.Write(" completed: duration="u8);
            output.WriteDecimal(StressRun.DurationMs);
            output.Write("ms ops="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" failed="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Failed));
            output.WriteLine();
            if (!StressRun.Options.Summary)
                Details(output);
            output.Write("Status: "u8);
            StressVerdict verdict = StressRun.Verdict;
            output.Write(verdict == StressVerdict.Partial ? "PARTIAL PASS"u8 : StressRun.VerdictText(verdict));
            output.Write(" ("u8);
            output.Write(StressRun.ReasonText);
            output.WriteLine(")"u8);
            StressOutput.Lock.Unlock();
        }

        private static void Details(TextSink output)
        {
            StressKinds.Of(StressRun.Options.Kind).Print(output);
            for (int i = 0; i < StressRun.HistogramCount; i++)
            {
                StressRun.Histogram(i).Snapshot(StressRun.Snapshot);
                Latency(output, StressHistograms.Label(StressRun.HistogramName(i)), StressRun.Snapshot);
            }
            if (StressRun.IsSet(StressCounter.CpuBusyPct))
                Line(output, "  CPU busy: "u8, StressRun.Get(StressCounter.CpuBusyPct), "%"u8);
            Interventions(output);
        }

        // "  Alloc Latency: p50=52ns p95=143ns p99=398ns (count=1234 max=5678ns)"
        public static void Latency(TextSink output, ReadOnlySpan<byte> label, HistogramSnapshot snapshot)
        {
            HistogramSummary summary = snapshot.Summarize();
            output.Write("  "u8);
            output.Write(label);
            output.Write(": "u8);
            HistogramJson.WritePercentiles(output, summary);
            output.Write(" (count="u8);
            output.WriteDecimal(summary.Count);
            output.Write(" max="u8);
            output.WriteDecimal(summary.Max);
            output.WriteLine("ns)"u8);
        }

        private static void Interventions(TextSink output)
        {
            AutonomyMetrics run = AutonomyController.Run;
            output.Write("  AI interventions: "u8);
            output.WriteDecimal(run.Value(AutonomyMetrics.TotalInterventions));
            output.Write(" (succeeded "u8);
            output.WriteDecimal(run.Value(AutonomyMetrics.SuccessfulInterventions));
            output.WriteLine(")"u8);
            for (int i = 0; i < AutonomyMetrics.TotalInterventions; i++)
            {
                ulong value = run.Value(i);
                if (value == 0)
                    continue;
                output.Write("    - "u8);
                output.Write(AutonomyMetrics.CounterName(i));
                output.Write(": "u8);
                output.WriteDecimal(value);
                if (Records.ResultRecord.IsIntervention((AutonomyAction)i))
                {
                    output.Write(" (succeeded "u8);
                    output.WriteDecimal(AutonomyController.Succeeded((AutonomyAction)i));
                    output.Write(")"u8);
                }
                output.WriteLine();
            }
        }

        // "  Label: value unit", the shape of most detail lines.
        public static void Line(TextSink output, ReadOnlySpan<byte> label, long value, ReadOnlySpan<byte> unit)
        {
            output.Write(label);
            output.WriteDecimal(value);
            output.WriteLine(unit);
        }
    }
}
