// The counters a phase row (one ramp level, one scale component at one thread
// count) can carry, by their record names. ops and failed come first so the
// host tool's CSV row reads them as it reads a result's; a phase writes only
// the ones it set.
using System;
using KernelStress.Kernel.Runtime;

namespace KernelStress.Kernel.Stress.Phases
{
    internal enum PhaseCounter
    {
        Ops,
        Failed,
        TargetRate,
        AchievedRate,
        Threads,
        MemPeakBytes,
        MemPct,
        CpuBusyPct,
        QueuePeak,
        Backpressure,
        Lost,
        Duplicated,
        Corrupt,
        ScalingEfficiencyPct,
        HeapInUseBytes,
        HeapHeldBytes,
        PagesUsed,
        HeapGrowthBytes,
        PagesGrowth,
        Count,
    }

    internal static class PhaseCounters
    {
        public const int Count = (int)PhaseCounter.Count;

        private static readonly NameTable s_names = new NameTable("ops|failed|target_rate_per_s|achieved_rate_per_s|threads|mem_peak_bytes|mem_pct|cpu_busy_pct|"u8
            + "queue_peak|backpressure_waits|lost|duplicated|corrupt|scaling_efficiency_pct|heap_in_use_bytes|"u8
            + "heap_held_bytes|pages_used|heap_growth_bytes|pages_growth"u8, (int)PhaseCounter.Count);

        public static ReadOnlySpan<byte> Name(PhaseCounter counter) => s_names[(int)counter];
    }
}
