// The kernel's global metrics, reported by `metrics` and reset by `metrics reset`:
// - command_latency: wall time of every shell command, from parse to prompt;
// - autonomy: the autonomy controller's intervention counters and latency.
// Allocated once at start-up (static readonly); recording never allocates.
using KernelStress.Metrics;

namespace KernelStress.Kernel.Metrics
{
    internal static class KernelMetrics
    {
        // One shard per CPU the kernel can run; only the boot CPU runs today.
        private const int Shards = 1;

        public static readonly LatencyHistogram CommandLatency = new LatencyHistogram(Shards);

        public static readonly AutonomyMetrics Autonomy = new AutonomyMetrics(Shards);

        // Scratch for reporting: one snapshot at a time, from the shell.
        public static readonly HistogramSnapshot ReportSnapshot = new HistogramSnapshot();

        public static readonly AutonomySnapshot ReportAutonomy = new AutonomySnapshot();
    }
}
