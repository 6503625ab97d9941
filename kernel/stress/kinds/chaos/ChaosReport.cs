// The per-kind recoveries of a run with chaos events, for every kind that
// takes a fault (ChaosEvents.HasFault):
//  human:  "  Recoveries by kind:" then one line per kind with a fault injected,
//          "    heap_corruption: injected=4 recovered=4 failed=0 p50=...ns p95=...ns p99=...ns max=...ns"
//          (a kind switched off with --sabotage ends in " (sabotaged)");
//  record: "chaos_kinds": {"<kind>": {injected, recovered, failed, sabotaged,
//          recovery_p50_ns, recovery_p99_ns, recovery_max_ns}, ...}.
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Chaos
{
    internal static class ChaosReport
    {
        private static readonly HistogramSnapshot s_snapshot = new HistogramSnapshot();

        public static void Print(TextSink output)
        {
            output.WriteLine("  Recoveries by kind:"u8);
            for (int i = 0; i < ChaosEvents.Count; i++)
            {
                var e = (ChaosEvent)i;
                if (ChaosTally.Injected(e) == 0)
                    continue;
                output.Write("    "u8);
                output.Write(ChaosEvents.Name(e));
                output.Write(": injected="u8);
                output.WriteDecimal(ChaosTally.Injected(e));
                output.Write(" recovered="u8);
                output.WriteDecimal(ChaosTally.Recovered(e));
                output.Write(" failed="u8);
                output.WriteDecimal(ChaosTally.Failed(e));
                HistogramSummary latency = ChaosTally.Latency(e, s_snapshot);
                if (latency.Count > 0)
                {
                    output.Write(" "u8);
                    HistogramJson.WritePercentiles(output, latency);
                    output.Write(" max="u8);
                    output.WriteDecimal(latency.Max);
                    output.Write("ns"u8);
                }
                if (ChaosSabotage.Has(e))
                    output.Write(" (sabotaged)"u8);
                output.WriteLine();
            }
        }

        public static void Write(ref JsonWriter json)
        {
            json.WriteStartObject("chaos_kinds"u8);
            for (int i = 0; i < ChaosEvents.Count; i++)
            {
                var e = (ChaosEvent)i;
                if (!ChaosEvents.HasFault(e))
                    continue;
                HistogramSummary latency = ChaosTally.Latency(e, s_snapshot);
                json.WriteStartObject(ChaosEvents.Name(e));
                json.WriteNumber("injected"u8, ChaosTally.Injected(e));
                json.WriteNumber("recovered"u8, ChaosTally.Recovered(e));
                json.WriteNumber("failed"u8, ChaosTally.Failed(e));
                json.WriteBoolean("sabotaged"u8, ChaosSabotage.Has(e));
                json.WriteNumber("recovery_p50_ns"u8, latency.P50);
                json.WriteNumber("recovery_p99_ns"u8, latency.P99);
                json.WriteNumber("recovery_max_ns"u8, latency.Max);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
    }
}
