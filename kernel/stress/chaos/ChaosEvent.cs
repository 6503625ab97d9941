// The chaos event types: the seed's ten, the kernel-level ones, and the two
// the seed reserved (network partition, disk I/O stall) against a simulated
// device. Each is a real operation on the kernel; ChaosEvents holds them.
using System;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal enum ChaosEvent
    {
        MemorySpike,
        MemoryRelease,
        AutonomyFlip,
        CommandBurst,
        TelemetryStorm,
        HotRetrain,
        DeadlinePressure,
        PredictionStorm,
        WorkloadSpike,
        MemoryChurn,
        ThreadRestart,
        SacrificialFault,
        TimerStorm,
        HeapCorruption,
        NetworkPartition,
        DiskStall,
        Count,
    }

    internal static class ChaosEvents
    {
        public const int Count = (int)ChaosEvent.Count;

        public static ReadOnlySpan<byte> Name(ChaosEvent e) => e switch
        {
            ChaosEvent.MemorySpike => "memory_spike"u8,
            ChaosEvent.MemoryRelease => "memory_release"u8,
            ChaosEvent.AutonomyFlip => "autonomy_flip"u8,
            ChaosEvent.CommandBurst => "command_burst"u8,
            ChaosEvent.TelemetryStorm => "telemetry_storm"u8,
            ChaosEvent.HotRetrain => "hot_retrain"u8,
            ChaosEvent.DeadlinePressure => "deadline_pressure"u8,
            ChaosEvent.PredictionStorm => "prediction_storm"u8,
            ChaosEvent.WorkloadSpike => "workload_spike"u8,
            ChaosEvent.MemoryChurn => "memory_churn"u8,
            ChaosEvent.ThreadRestart => "thread_restart"u8,
            ChaosEvent.SacrificialFault => "sacrificial_fault"u8,
            ChaosEvent.TimerStorm => "timer_storm"u8,
            ChaosEvent.HeapCorruption => "heap_corruption"u8,
            ChaosEvent.NetworkPartition => "network_partition"u8,
            _ => "disk_stall"u8,
        };

        // The event's parameter range [Min, Max], drawn before the event runs (the seed's table).
        public static int Min(ChaosEvent e) => e switch
        {
            ChaosEvent.MemorySpike => 20,
            ChaosEvent.MemoryRelease => 20,
            ChaosEvent.AutonomyFlip => 100,
            ChaosEvent.CommandBurst => 10,
            ChaosEvent.TelemetryStorm => 5,
            ChaosEvent.HotRetrain => 4,
            ChaosEvent.DeadlinePressure => 10,
            ChaosEvent.PredictionStorm => 10,
            ChaosEvent.WorkloadSpike => 5,
            ChaosEvent.MemoryChurn => 20,
            ChaosEvent.ThreadRestart => 1,
            ChaosEvent.SacrificialFault => 0,
            ChaosEvent.TimerStorm => 2,
            ChaosEvent.HeapCorruption => 1,
            ChaosEvent.NetworkPartition => 8,
            _ => 4,
        };

        // Whether a drawn fault is injected into the event: only where a kernel
        // mechanism detects the fault and restores the invariant (docs/chaos-recovery.md).
        // memory_spike: recovering from an OOM is the pool's owner freeing its own
        //   blocks; the injector would be that owner, so the check held by construction.
        // deadline_pressure: nothing in the kernel rescues a thread starved by
        //   equal-priority hogs (round robin is the policy); only killing the hogs did.
        // timer_storm: a tick masked for 3 ms is delivered by the timer hardware
        //   when interrupts come back; nothing in the kernel detects or restores it.
        public static bool HasFault(ChaosEvent e) =>
            e != ChaosEvent.MemorySpike && e != ChaosEvent.DeadlinePressure && e != ChaosEvent.TimerStorm;

        public static int Max(ChaosEvent e) => e switch
        {
            ChaosEvent.MemorySpike => 100,
            ChaosEvent.MemoryRelease => 80,
            ChaosEvent.AutonomyFlip => 2000,
            ChaosEvent.CommandBurst => 50,
            ChaosEvent.TelemetryStorm => 30,
            ChaosEvent.HotRetrain => 20,
            ChaosEvent.DeadlinePressure => 30,
            ChaosEvent.PredictionStorm => 40,
            ChaosEvent.WorkloadSpike => 15,
            ChaosEvent.MemoryChurn => 50,
            ChaosEvent.ThreadRestart => 5,
            ChaosEvent.SacrificialFault => 3,
            ChaosEvent.TimerStorm => 8,
            ChaosEvent.HeapCorruption => 4,
            ChaosEvent.NetworkPartition => 32,
            _ => 16,
        };
    }
}
