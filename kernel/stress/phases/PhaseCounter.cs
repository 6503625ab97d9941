// The counters a phase row (one ramp level, one scale component at one thread
// count) can carry, by their record names. ops and failed come first so the
// host tool's CSV row reads them as it reads a result's; a phase writes only
// the ones it set.
using System;

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

        public static ReadOnlySpan<byte> Name(PhaseCounter counter) => counter switch
        {
            PhaseCounter.Ops => "ops"u8,
            PhaseCounter.Failed => "failed"u8,
            PhaseCounter.TargetRate => "target_rate_per_s"u8,
            PhaseCounter.AchievedRate => "achieved_rate_per_s"u8,
            PhaseCounter.Threads => "threads"u8,
            PhaseCounter.MemPeakBytes => "mem_peak_bytes"u8,
            PhaseCounter.MemPct => "mem_pct"u8,
            PhaseCounter.CpuBusyPct => "cpu_busy_pct"u8,
            PhaseCounter.QueuePeak => "queue_peak"u8,
            PhaseCounter.Backpressure => "backpressure_waits"u8,
            PhaseCounter.Lost => "lost"u8,
            PhaseCounter.Duplicated => "duplicated"u8,
            PhaseCounter.Corrupt => "corrupt"u8,
            PhaseCounter.ScalingEfficiencyPct => "scaling_efficiency_pct"u8,
            PhaseCounter.HeapInUseBytes => "heap_in_use_bytes"u8,
            PhaseCounter.HeapHeldBytes => "heap_held_bytes"u8,
            PhaseCounter.PagesUsed => "pages_used"u8,
            PhaseCounter.HeapGrowthBytes => "heap_growth_bytes"u8,
            _ => "pages_growth"u8,
        };
    }
}
