// The integer counters more than one stresstest kind can carry, by their
// snake_case record names (a counter only one kind sets is that kind's own,
// a KindCounter). A run sets the ones it measures (StressRun.Set/Add); only
// those are written, in this order and before the kind's own, so `ops` and
// `failed` always come first.
using System;

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
        StarvedDeadlinesMet,
        StarvedDeadlinesMissed,
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

        public static ReadOnlySpan<byte> Name(StressCounter counter) => counter switch
        {
            StressCounter.Ops => "ops"u8,
            StressCounter.Failed => "failed"u8,
            StressCounter.MemPeakBytes => "mem_peak_bytes"u8,
            StressCounter.MemBudgetBytes => "mem_budget_bytes"u8,
            StressCounter.PeakPressurePct => "peak_pressure_pct"u8,
            StressCounter.AvgPressurePct => "avg_pressure_pct"u8,
            StressCounter.OomEvents => "oom_events"u8,
            StressCounter.OomRecoveries => "oom_recoveries"u8,
            StressCounter.BytesFreedOnRecovery => "bytes_freed_on_recovery"u8,
            StressCounter.Throttled => "throttled_steps"u8,
            StressCounter.CacheReleases => "cache_releases"u8,
            StressCounter.Commands => "commands"u8,
            StressCounter.CommandErrors => "command_errors"u8,
            StressCounter.CommandsLate => "commands_late"u8,
            StressCounter.AchievedRate => "achieved_rate_per_s"u8,
            StressCounter.Events => "events"u8,
            StressCounter.FaultsInjected => "faults_injected"u8,
            StressCounter.Recovered => "recovered"u8,
            StressCounter.RecoveryFailed => "recovery_failed"u8,
            StressCounter.SuccessPct => "success_pct"u8,
            StressCounter.DeadlinesMet => "deadlines_met"u8,
            StressCounter.DeadlinesMissed => "deadlines_missed"u8,
            StressCounter.StarvedDeadlinesMet => "starved_deadlines_met"u8,
            StressCounter.StarvedDeadlinesMissed => "starved_deadlines_missed"u8,
            StressCounter.DeviceRequestsLost => "device_requests_lost"u8,
            StressCounter.Episodes => "episodes"u8,
            StressCounter.FirstQuartileReward => "first_quartile_reward"u8,
            StressCounter.LastQuartileReward => "last_quartile_reward"u8,
            StressCounter.Rejected => "rejected"u8,
            StressCounter.Accepted => "accepted"u8,
            StressCounter.FuzzLines => "fuzz_lines"u8,
            StressCounter.CpuBusyPct => "cpu_busy_pct"u8,
            _ => "cancelled"u8,
        };
    }
}
