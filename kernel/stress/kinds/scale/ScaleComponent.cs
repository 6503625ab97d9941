// The kernel components `stresstest scale` measures, one operation each (seed
// 004's per-component throughput):
//  alloc: a kernel-heap block of 64-1024 B allocated, touched and freed (fails when the heap refuses);
//  hist:  one value recorded into a histogram every thread shares (wait-free path under contention);
//  prng:  64 xorshift64* draws (the PRNG every workload uses);
//  sched: one Yield through the scheduler lock;
//  shell: one random valid command parsed and dispatched with its output captured (fails on an error line).
using System;
using KernelStress.Kernel.Runtime;

namespace KernelStress.Kernel.Stress.Kinds.Scale
{
    // In the order of ShellCommands.StressComponents' words: the parsed indices are these values.
    internal enum ScaleComponent
    {
        Alloc,
        Hist,
        Prng,
        Sched,
        Shell,
        Count,
    }

    internal static class ScaleComponents
    {
        public const int Count = (int)ScaleComponent.Count;

        // A phase's name before its thread count: "alloc_t" as in "alloc_t4".
        private static readonly NameTable s_phasePrefixes = new NameTable("alloc_t|hist_t|prng_t|sched_t|shell_t"u8, Count);

        public static ReadOnlySpan<byte> PhasePrefix(ScaleComponent component) => s_phasePrefixes[(int)component];
    }
}
