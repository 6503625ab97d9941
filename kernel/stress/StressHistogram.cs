// The latency series a stress result can carry, by their record names. A run
// adds the ones it measures (StressRun.AddHistogram); the first one added is
// the run's primary latency (the result record lists it first).
using System;

namespace KernelStress.Kernel.Stress
{
    internal enum StressHistogram
    {
        AllocLatency,
        CommandLatency,
        RecoveryLatency,
        EventLatency,
        RejectLatency,
        OomRecoveryLatency,
        ItemLatency,
        OpLatency,
        RequestLatency,
        RestartLatency,
        FirstSuccessLatency,
        FailureLatency,
    }

    internal static class StressHistograms
    {
        public static ReadOnlySpan<byte> Name(StressHistogram histogram) => histogram switch
        {
            StressHistogram.AllocLatency => "alloc_latency"u8,
            StressHistogram.CommandLatency => "command_latency"u8,
            StressHistogram.RecoveryLatency => "recovery_latency"u8,
            StressHistogram.EventLatency => "event_latency"u8,
            StressHistogram.RejectLatency => "reject_latency"u8,
            StressHistogram.ItemLatency => "item_latency"u8,
            StressHistogram.OpLatency => "op_latency"u8,
            StressHistogram.RequestLatency => "request_latency"u8,
            StressHistogram.RestartLatency => "restart_latency"u8,
            StressHistogram.FirstSuccessLatency => "first_success_latency"u8,
            StressHistogram.FailureLatency => "failure_latency"u8,
            _ => "oom_recovery_latency"u8,
        };

        // The seed's human label: "Alloc Latency: p50=...".
        public static ReadOnlySpan<byte> Label(StressHistogram histogram) => histogram switch
        {
            StressHistogram.AllocLatency => "Alloc Latency"u8,
            StressHistogram.CommandLatency => "Command Latency"u8,
            StressHistogram.RecoveryLatency => "Recovery Latency"u8,
            StressHistogram.EventLatency => "Event Latency"u8,
            StressHistogram.RejectLatency => "Reject Latency"u8,
            StressHistogram.ItemLatency => "Item Latency"u8,
            StressHistogram.OpLatency => "Op Latency"u8,
            StressHistogram.RequestLatency => "Request Latency"u8,
            StressHistogram.RestartLatency => "Restart Latency"u8,
            StressHistogram.FirstSuccessLatency => "First Success Latency"u8,
            StressHistogram.FailureLatency => "Failure Latency"u8,
            _ => "OOM Recovery Latency"u8,
        };
    }
}
