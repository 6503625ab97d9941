// Kernel heap alloc+free latency: for each size from 16 B to 64 KiB, the time
// of one KernelHeap.Allocate plus the matching Free, measured with the cycle
// counter around the pair, Iterations times. The heap ends where it started.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;

namespace KernelStress.Kernel.Bench
{
    internal static class HeapBench
    {
        public const int Iterations = 2000;

        public static ulong Size(int index) => index switch
        {
            0 => 16,
            1 => 64,
            2 => 256,
            3 => 1024,
            4 => 4096,
            5 => 16384,
            _ => 65536,
        };

        // Returns false (and stops) if the heap could not satisfy a request.
        public static bool Run()
        {
            for (int s = 0; s < BenchHistograms.HeapSizes; s++)
            {
                LatencyHistogram histogram = BenchHistograms.Heap[s];
                histogram.Reset();
                nuint size = (nuint)Size(s);
                for (int i = 0; i < Iterations; i++)
                {
                    ulong start = Arch.Cpu.ReadCycleCounter();
                    nuint block = KernelHeap.Allocate(size, 16);
                    if (block == 0)
                        return false;
                    KernelHeap.Free(block);
                    histogram.Record(Clock.CounterToNanoseconds(Arch.Cpu.ReadCycleCounter() - start));
                }
            }
            return true;
        }
    }
}
