// The chaos events' implementations, one method per event in the
// ChaosActions.*.cs files, each: do the real operation; when `inject`, break
// the invariant it is about in a real way and have the kernel restore it,
// returning whether the invariant holds at the end and, for an injected
// fault, the recovery latency (from the fault's detection to the invariant
// restored). Events run one at a time on the chaos thread; what they allocate
// they free before the run ends (Finish).
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static unsafe partial class ChaosActions
    {
        // The chaos events' own blocks (spikes, workload spikes): a pool the
        // controller may also shrink.
        // How long an event waits for an invariant to come back before it calls
        // the recovery failed: a bound, not a measurement (a loaded host can slow
        // the machine several times over; the latency is measured separately).
        private const ulong GiveUpMs = 1000;

        private static readonly BlockPool s_pool = new BlockPool();
        private static readonly ShellDriver s_shell = new ShellDriver();

        public static void Prepare()
        {
            AutonomyController.AddPool(s_pool);
            ChaosSabotage.Apply();
        }

        public static void Finish()
        {
            ChaosSabotage.Lift();
            s_pool.FreeAll();
            s_victimPool.FreeAll();
        }

        public static void Pause(int milliseconds) => Scheduler.Sleep((ulong)milliseconds);

        public static bool Run(ChaosEvent e, int parameter, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            return e switch
            {
                ChaosEvent.MemorySpike => MemorySpike(parameter, ref random, out recoveryNs),
                ChaosEvent.MemoryRelease => MemoryRelease(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.AutonomyFlip => AutonomyFlip(parameter, inject, out recoveryNs),
                ChaosEvent.CommandBurst => CommandBurst(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.TelemetryStorm => TelemetryStorm(parameter, inject, out recoveryNs),
                ChaosEvent.HotRetrain => HotRetrain(parameter, inject, out recoveryNs),
                ChaosEvent.DeadlinePressure => DeadlinePressure(parameter, ref random),
                ChaosEvent.PredictionStorm => PredictionStorm(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.WorkloadSpike => WorkloadSpike(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.MemoryChurn => MemoryChurn(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.ThreadRestart => ThreadRestart(parameter, inject, ref random, out recoveryNs),
                ChaosEvent.SacrificialFault => SacrificialFault(parameter, inject, out recoveryNs),
                ChaosEvent.TimerStorm => TimerStorm(parameter),
                ChaosEvent.HeapCorruption => HeapCorruption(parameter, inject, out recoveryNs),
                ChaosEvent.NetworkPartition => NetworkPartition(parameter, inject, ref random, out recoveryNs),
                _ => DiskStall(parameter, inject, ref random, out recoveryNs),
            };
        }

        // Spins (yielding) for `nanoseconds` on the clock.
        private static void Wait(ulong nanoseconds)
        {
            ulong end = Clock.NowNanoseconds + nanoseconds;
            while (Clock.NowNanoseconds < end)
                Scheduler.Yield();
        }

        // Sleeps in 1 ms steps until `condition` holds or `timeoutMs` passed; whether it held.
        private static bool WaitFor(delegate*<bool> condition, ulong timeoutMs)
        {
            ulong end = Clock.NowNanoseconds + timeoutMs * 1_000_000;
            while (!condition())
            {
                if (Clock.NowNanoseconds >= end)
                    return false;
                Scheduler.Sleep(1);
            }
            return true;
        }
    }
}
