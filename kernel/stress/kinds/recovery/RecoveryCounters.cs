// The recovery kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Recovery
{
    internal static class RecoveryCounters
    {
        public static KindCounter OutageTimeouts => new KindCounter(0);

        public static ReadOnlySpan<byte> Names => "outage_timeouts"u8;
    }
}
