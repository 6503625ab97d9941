// `autonomy on|off|status`: arms or disarms the autonomy controller for the
// stress runs that follow, or shows whether it is armed with the last run's
// and the whole boot's intervention counters.
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class AutonomyCommand
    {
        public static void Set(bool on, TextSink output)
        {
            AutonomyController.Armed = on;
            output.WriteLine(on
                ? "autonomy: on (the controller runs during every stress test)"u8
                : "autonomy: off (stress tests run without the controller)"u8);
        }

        public static void Status(TextSink output)
        {
            output.WriteLine(AutonomyController.Armed ? "autonomy: on"u8 : "autonomy: off"u8);
            Counters(output, "  last run:"u8, AutonomyController.Run);
            Counters(output, "  since boot:"u8, KernelMetrics.Autonomy);
        }

        private static void Counters(TextSink output, System.ReadOnlySpan<byte> label, AutonomyMetrics metrics)
        {
            output.Write(label);
            for (int i = 0; i < AutonomyMetrics.CounterCount; i++)
            {
                output.Write(" "u8);
                output.Write(AutonomyMetrics.CounterName(i));
                output.Write("="u8);
                output.WriteDecimal(metrics.Value(i));
            }
            output.WriteLine();
        }
    }
}
