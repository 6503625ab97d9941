// The storm kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static class StormCounters
    {
        public static KindCounter HeapGrowthBytes => new KindCounter(0);
        public static KindCounter PagesGrowth => new KindCounter(1);
        public static KindCounter ManagedGrowthBytes => new KindCounter(2);
        public static KindCounter ReportLines => new KindCounter(3);
        public static KindCounter TagsTracked => new KindCounter(4);
        public static KindCounter TagsOverflowed => new KindCounter(5);
        public static KindCounter TagsCounted => new KindCounter(6);
        public static KindCounter RecursionDepth => new KindCounter(7);
        public static KindCounter EdgeEmptyIgnored => new KindCounter(8);
        public static KindCounter EdgeMillionStepsMs => new KindCounter(9);
        public static KindCounter EdgeMillionStepsCounted => new KindCounter(10);
        public static KindCounter EdgeInvalidUtf8Rejected => new KindCounter(11);
        public static KindCounter EdgeClockJumpFlushes => new KindCounter(12);

        public static ReadOnlySpan<byte> Names =>
            "heap_growth_bytes|pages_growth|managed_growth_bytes|report_lines|tags_tracked|tags_overflowed|tags_counted|recursion_depth|"u8
            + "edge_empty_ignored|edge_million_steps_ms|edge_million_steps_counted|edge_invalid_utf8_rejected|edge_clock_jump_flushes"u8;
    }
}
