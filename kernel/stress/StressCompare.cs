// `stresstest compare KIND`: the same kind and seed twice, autonomy off and
// then on (whatever `autonomy` is set to), each with its own result record;
// then the seed's "=== Comparative Results ===" block with the measured
// deltas and a `compare` record {test, seed, off{...}, on{...},
// interventions_on{type: count}}.
using System;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Records;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static class StressCompare
    {
        public static void Run(StressOptions options, TokenList args, TextSink output)
        {
            options.Autonomy = false;
            StressCoordinator.Run(options, args, output);
            if (StressRun.Cancelled)
                return;
            RunSummary off = StressHistory.Latest;
            options.Autonomy = true;
            StressCoordinator.Run(options, args, output);
            RunSummary on = StressHistory.Latest;
            Print(output, off, on);
            Emit(off, on);
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

        private static void Emit(in RunSummary off, in RunSummary on)
        {
            StressOutput.Lock.Lock();
            JsonWriter json = StressOutput.BeginRecord("compare"u8);
            json.WriteString("test"u8, StressKinds.Name(on.Kind));
            json.WriteNumber("seed"u8, on.Seed);
            Figures(ref json, "off"u8, off);
            Figures(ref json, "on"u8, on);
            json.WriteStartObject("interventions_on"u8);
            for (int i = 0; i < AutonomyMetrics.TotalInterventions; i++)
            {
                if (ResultRecord.IsIntervention((AutonomyAction)i))
                    json.WriteNumber(AutonomyMetrics.CounterName(i), AutonomyController.Run.Value(i));
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
