// The integer counters more than one stresstest kind can carry, by their
// snake_case record names (a counter only one kind sets is that kind's own,
// a KindCounter). A run sets the ones it measures (StressRun.Set/Add); only
// those are written, in this order and before the kind's own, so `ops` and
// `failed` always come first.
using System;
using KernelStress.Kernel.Runtime;

namespace KernelStress.Kernel.Stress
{
    internal enum StressCounter
    {
        Ops,
        Failed,
        MemPeakBytes,
        MemBudgetBytes,
        PeakPressurePct,
        AvgPressurePct,
        OomEvents,
        OomRecoveries,
        BytesFreedOnRecovery,
        Throttled,
        CacheReleases,
        Commands,
        CommandErrors,
        CommandsLate,
        AchievedRate,
        Events,
        FaultsInjected,
        Recovered,
        RecoveryFailed,
        SuccessPct,
        DeadlinesMet,
        DeadlinesMissed,
        DeviceRequestsLost,
        Episodes,
        FirstQuartileReward,
        LastQuartileReward,
        Rejected,
        Accepted,
        FuzzLines,
        CpuBusyPct,
        Cancelled,
        Count,
    }

    internal static class StressCounters
    {
        public const int Count = (int)StressCounter.Count;

        // In the enum's order.
        private static readonly NameTable s_names = new NameTable(
            "ops|failed|mem_peak_bytes|mem_budget_bytes|peak_pressure_pct|avg_pressure_pct|oom_events|"u8
            + "oom_recoveries|bytes_freed_on_recovery|throttled_steps|cache_releases|commands|command_errors|"u8
            + "commands_late|achieved_rate_per_s|events|faults_injected|recovered|recovery_failed|success_pct|"u8
            + "deadlines_met|deadlines_missed|device_requests_lost|"u8
            + "episodes|first_quartile_reward|last_quartile_reward|rejected|accepted|fuzz_lines|cpu_busy_pct|"u8
            + "cancelled"u8, Count);

        public static ReadOnlySpan<byte> Name(StressCounter counter) => s_names[(int)counter];
    }
}
