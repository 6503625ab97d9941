// The mix kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Mix
{
    internal static class MixCounters
    {
        public static KindCounter MemoryOps => new KindCounter(0);
        public static KindCounter CommandOps => new KindCounter(1);
        public static KindCounter NoiseOps => new KindCounter(2);

        public static ReadOnlySpan<byte> Names => "memory_ops|command_ops|noise_ops"u8;
    }
}
