// The leak kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal static class LeakCounters
    {
        public static KindCounter Cycles => new KindCounter(0);
        public static KindCounter HeapGrowthBytes => new KindCounter(1);
        public static KindCounter HeldGrowthBytes => new KindCounter(2);
        public static KindCounter PagesGrowth => new KindCounter(3);
        public static KindCounter ManagedGrowthBytes => new KindCounter(4);

        public static ReadOnlySpan<byte> Names => "cycles|heap_growth_bytes|held_growth_bytes|pages_growth|managed_growth_bytes"u8;
    }
}
