// `stresstest report [--json]`: the last StressHistory.Capacity runs as a
// table, oldest first; with --json also one `report` record holding them as rows.
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static class StressReport
    {
        public static void Run(bool json, TextSink output)
        {
            if (StressHistory.Count == 0)
            {
                output.WriteLine("report: no stress test has run since boot"u8);
            }
            else
            {
                output.WriteLine("#  test      autonomy  verdict  duration_ms  ops  failed  oom  peak%  p99_ns  interventions  seed"u8);
                for (int i = 0; i < StressHistory.Count; i++)
                    Row(output, i, ref StressHistory.At(i));
            }
            if (json)
                Emit();
        }

        private static void Row(TextSink output, int index, ref RunSummary run)
        {
            output.WriteDecimal((ulong)index + 1);
            output.Write("  "u8);
            output.Write(StressKinds.Name(run.Kind));
            output.Write(run.Autonomy ? "  on  "u8 : "  off  "u8);
            output.Write(StressRun.VerdictText(run.Verdict));
            output.Write("  "u8);
            output.WriteDecimal(run.DurationMs);
            output.Write("  "u8);
            output.WriteDecimal(run.Ops);
            output.Write("  "u8);
            output.WriteDecimal(run.Failed);
            output.Write("  "u8);
            output.WriteDecimal(run.OomEvents);
            output.Write("  "u8);
            output.WriteDecimal(run.PeakPressurePct);
            output.Write("  "u8);
            output.WriteDecimal(run.P99Nanoseconds);
            output.Write("  "u8);
            output.WriteDecimal(run.TotalInterventions);
            output.Write("  "u8);
            output.WriteDecimal(run.Seed);
            output.WriteLine();
        }

        private static void Emit()
        {
            JsonWriter json = StressOutput.BeginRecord("report"u8);
            json.WriteStartArray("rows"u8);
            for (int i = 0; i < StressHistory.Count; i++)
            {
                ref RunSummary run = ref StressHistory.At(i);
                json.WriteStartObject();
                json.WriteString("test"u8, StressKinds.Name(run.Kind));
                json.WriteNumber("seed"u8, run.Seed);
                json.WriteBoolean("autonomy"u8, run.Autonomy);
                json.WriteString("verdict"u8, StressRun.VerdictText(run.Verdict));
                json.WriteNumber("duration_ms"u8, run.DurationMs);
                json.WriteNumber("ops"u8, run.Ops);
                json.WriteNumber("failed"u8, run.Failed);
                json.WriteNumber("oom_events"u8, run.OomEvents);
                json.WriteNumber("peak_pressure_pct"u8, run.PeakPressurePct);
                json.WriteNumber("p99_ns"u8, run.P99Nanoseconds);
                json.WriteNumber("total_interventions"u8, run.TotalInterventions);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            StressOutput.EndRecord(ref json);
        }
    }
}
