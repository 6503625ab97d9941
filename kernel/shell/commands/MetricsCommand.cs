// `metrics`: the kernel's global histograms and autonomy counters, as human
// lines and one `metrics` record; `metrics reset` zeroes them.
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Records;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class MetricsCommand
    {
        public static void Run(TextSink output)
        {
            HistogramSnapshot commands = KernelMetrics.ReportSnapshot;
            AutonomySnapshot autonomy = KernelMetrics.ReportAutonomy;
            KernelMetrics.CommandLatency.Snapshot(commands);
            KernelMetrics.Autonomy.Snapshot(autonomy);

            HistogramJson.WriteLine(output, "Command Latency"u8, commands);
            output.WriteLine("Autonomy:"u8);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
            {
                output.Write("  "u8);
                output.Write(AutonomyMetrics.CounterName(i));
                output.Write(": "u8);
                output.WriteDecimal(autonomy.Value(i));
                output.WriteLine();
            }
            HistogramJson.WriteLine(output, "Intervention Latency"u8, autonomy.InterventionLatency);

            JsonWriter json = KernelConsole.Records.Begin("metrics"u8);
            json.WriteStartObject("histograms"u8);
            HistogramJson.Write(ref json, "command_latency"u8, commands);
            HistogramJson.Write(ref json, "intervention_latency"u8, autonomy.InterventionLatency);
            json.WriteEndObject();
            json.WriteStartObject("autonomy_metrics"u8);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
                json.WriteNumber(AutonomyMetrics.CounterName(i), autonomy.Value(i));
            json.WriteEndObject();
            KernelConsole.Records.End(ref json);
        }

        public static void Reset(TextSink output)
        {
            KernelMetrics.CommandLatency.Reset();
            KernelMetrics.Autonomy.Reset();
            output.WriteLine("metrics: reset"u8);
        }
    }
}
