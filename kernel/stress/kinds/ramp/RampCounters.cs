// The ramp kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static class RampCounters
    {
        public static KindCounter Injected => new KindCounter(0);
        public static KindCounter Lost => new KindCounter(1);
        public static KindCounter Duplicated => new KindCounter(2);
        public static KindCounter Corrupt => new KindCounter(3);
        public static KindCounter DrainUs => new KindCounter(4);
        public static KindCounter HighestSustainedRate => new KindCounter(5);

        public static ReadOnlySpan<byte> Names => "injected|lost|duplicated|corrupt|drain_us|highest_sustained_rate_per_s"u8;
    }
}
