// The latency series a stress result can carry, by their record names. A run
// adds the ones it measures (StressRun.AddHistogram); the first one added is
// the run's primary latency (the result record lists it first).
using System;
using KernelStress.Kernel.Runtime;

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
        Count,
    }

    internal static class StressHistograms
    {
        private static readonly NameTable s_names = new NameTable("alloc_latency|command_latency|recovery_latency|event_latency|reject_latency|oom_recovery_latency|"u8
            + "item_latency|op_latency|request_latency|restart_latency|first_success_latency|failure_latency"u8, (int)StressHistogram.Count);

        public static ReadOnlySpan<byte> Name(StressHistogram histogram) => s_names[(int)histogram];

        // The stress-test report's human label: "Alloc Latency: p50=...".
        private static readonly NameTable s_labels = new NameTable("Alloc Latency|Command Latency|Recovery Latency|Event Latency|Reject Latency|OOM Recovery Latency|"u8
            + "Item Latency|Op Latency|Request Latency|Restart Latency|First Success Latency|Failure Latency"u8, (int)StressHistogram.Count);

        public static ReadOnlySpan<byte> Label(StressHistogram histogram) => s_labels[(int)histogram];
    }
}
