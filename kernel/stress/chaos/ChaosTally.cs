// Per chaos kind: faults injected, recovered and failed, and the recovery
// latency of the recovered ones (a histogram per kind). Only the chaos
// engine's thread records; the coordinator reads once the run is over.
using KernelStress.Metrics;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static class ChaosTally
    {
        private static readonly long[] s_injected = new long[ChaosEvents.Count];
        private static readonly long[] s_recovered = new long[ChaosEvents.Count];
        private static readonly LatencyHistogram[] s_latency = CreateHistograms();

        public static void Reset()
        {
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                s_injected[e] = 0;
                s_recovered[e] = 0;
                s_latency[e].Reset();
            }
        }

        public static void Count(ChaosEvent e, bool recovered, ulong recoveryNs)
        {
            s_injected[(int)e]++;
            if (!recovered)
                return;
            s_recovered[(int)e]++;
            s_latency[(int)e].Record(recoveryNs);
        }

        public static long Injected(ChaosEvent e) => s_injected[(int)e];

        public static long Recovered(ChaosEvent e) => s_recovered[(int)e];

        public static long Failed(ChaosEvent e) => s_injected[(int)e] - s_recovered[(int)e];

        // A kind whose recovery was tried at least three times and never worked.
        public static bool NeverRecovered(ChaosEvent e) => s_injected[(int)e] >= 3 && s_recovered[(int)e] == 0;

        public static HistogramSummary Latency(ChaosEvent e, HistogramSnapshot snapshot)
        {
            s_latency[(int)e].Snapshot(snapshot);
            return snapshot.Summarize();
        }

        private static LatencyHistogram[] CreateHistograms()
        {
            var histograms = new LatencyHistogram[ChaosEvents.Count];
            for (int e = 0; e < histograms.Length; e++)
                histograms[e] = new LatencyHistogram(1);
            return histograms;
        }
    }
}
