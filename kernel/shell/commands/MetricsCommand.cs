// `metrics`: the kernel's global histograms and autonomy counters, and the
// console input counters (bytes received, dropped on a full buffer, lost by
// the UART), as human lines and one `metrics` record; `metrics reset` zeroes
// the histograms and autonomy counters.
using KernelStress.Kernel.Console;
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
            output.Write("UART input: received="u8);
            output.WriteDecimal(UartInput.Received);
            output.Write(" dropped="u8);
            output.WriteDecimal(UartInput.Dropped);
            output.Write(" hardware_overruns="u8);
            output.WriteDecimal(UartInput.HardwareOverruns);
            output.WriteLine();

            JsonWriter json = KernelConsole.BeginRecord("metrics"u8);
            json.WriteStartObject("histograms"u8);
            HistogramJson.Write(ref json, "command_latency"u8, commands);
            HistogramJson.Write(ref json, "intervention_latency"u8, autonomy.InterventionLatency);
            json.WriteEndObject();
            json.WriteStartObject("autonomy_metrics"u8);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
                json.WriteNumber(AutonomyMetrics.CounterName(i), autonomy.Value(i));
            json.WriteEndObject();
            json.WriteStartObject("uart_input"u8);
            json.WriteNumber("received"u8, UartInput.Received);
            json.WriteNumber("dropped"u8, UartInput.Dropped);
            json.WriteNumber("hardware_overruns"u8, UartInput.HardwareOverruns);
            json.WriteEndObject();
            KernelConsole.EndRecord(ref json);
        }

        public static void Reset(TextSink output)
        {
            KernelMetrics.CommandLatency.Reset();
            KernelMetrics.Autonomy.Reset();
            output.WriteLine("metrics: reset"u8);
        }
    }
}
