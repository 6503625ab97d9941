// The scratch the in-kernel benchmarks measure into: one histogram and one
// snapshot per measured series, allocated once at start-up (benchmarks run
// from the shell, one at a time), reset before each series.
using KernelStress.Metrics;

namespace KernelStress.Kernel.Bench
{
    internal static class BenchHistograms
    {
        public const int HeapSizes = 7;

        // Heap alloc+free, one per size in HeapBench.Sizes.
        public static readonly LatencyHistogram[] Heap = Create(HeapSizes);

        public static readonly LatencyHistogram Switch = new LatencyHistogram(1);

        public static readonly LatencyHistogram Timer = new LatencyHistogram(1);

        public static readonly HistogramSnapshot Snapshot = new HistogramSnapshot();

        private static LatencyHistogram[] Create(int count)
        {
            var histograms = new LatencyHistogram[count];
            for (int i = 0; i < count; i++)
                histograms[i] = new LatencyHistogram(1);
            return histograms;
        }
    }
}
