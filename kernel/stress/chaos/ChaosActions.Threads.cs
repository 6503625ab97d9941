// Chaos events on threads and the scheduler.
//  thread_restart: a supervised worker churning the heap runs p ms and is
//    stopped; fault: it is killed (Scheduler.Kill), dying with blocks;
//    recovery: its supervisor (SupervisedThread) gives the dead one's blocks
//    back and starts a new one; invariant: the new one starts with an empty
//    pool and runs, and the pool is empty once it is stopped.
//  sacrificial_fault: a sacrificial thread runs; fault: it raises CPU
//    exception p (de, ud, pf, gp); invariant: only it died (Join says
//    faulted) and its slot came back.
//  workload_spike: p mixed actions (allocate, free, yield, a shell command,
//    a thread started and joined); fault: threads are started until the
//    thread table is full; invariant: Spawn fails cleanly, and succeeds again
//    once the fillers are joined.
//  deadline_pressure: a deadline probe (2 ticks) runs p ms against 1-2 CPU
//    hogs on its CPU at Low priority, which it preempts; invariant: it never
//    waited two time slices for its CPU (no fault: see ChaosEvents.HasFault).
//  timer_storm: p threads sleep 1 ms in a loop for 5 ms (a tick-wakeup
//    storm); invariant: every sleeper wakes and ends (no fault: see
//    ChaosEvents.HasFault).
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static unsafe partial class ChaosActions
    {
        private const ulong DeadlinePeriodTicks = 2;

        private static readonly BlockPool s_victimPool = new BlockPool();
        private static readonly SupervisedThread s_victim =
            new SupervisedThread("victim"u8, &Victim, &FreeVictimBlocks, ThreadPriority.Low);
        private static readonly int[] s_threads = new int[Scheduler.MaxThreads];
        private static Xorshift64Star s_victimRandom;

        // Test-only (stresstest chaos --sabotage thread_restart): whether a killed victim is restarted.
        public static bool VictimRestarts
        {
            set => s_victim.RestartsEnabled = value;
        }

        private static long s_heartbeat;
        private static int s_inherited;
        private static int s_fillerStop;
        private static int s_hogStop;

        private static bool ThreadRestart(int milliseconds, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            s_victimRandom = new Xorshift64Star(random.NextU64());
            Volatile.Write(ref s_heartbeat, 0);
            if (!s_victim.Start())
                return false;
            bool held = WaitFor(&HeartbeatSeen, GiveUpMs);
            Scheduler.Sleep((ulong)milliseconds);
            if (inject)
            {
                int restarts = s_victim.Restarts;
                Volatile.Write(ref s_inherited, -1);
                ulong start = Clock.NowNanoseconds;
                held &= s_victim.Kill();
                s_restartsMark = restarts;
                held &= WaitFor(&VictimRestarted, GiveUpMs) && Volatile.Read(ref s_inherited) == 0;
                recoveryNs = Clock.NowNanoseconds - start;
            }
            s_victim.Stop();
            held &= s_victimPool.Count == 0;
            // Judged already: what a dead victim left is given back for the events after this one.
            s_victimPool.FreeAll();
            return held;
        }

        private static bool HeartbeatSeen() => Volatile.Read(ref s_heartbeat) > 0;

        // A new victim started after the kill and its loop went round.
        private static bool VictimRestarted() => s_victim.Restarts > s_restartsMark && Volatile.Read(ref s_inherited) >= 0;

        // The supervised victim: what it finds in its pool when it starts is what the instance before it left.
        private static void Victim()
        {
            Volatile.Write(ref s_inherited, s_victimPool.Count);
            while (!s_victim.Stopping)
            {
                s_victimPool.Allocate((uint)s_victimRandom.Range(64, 1025), out _);
                if (s_victimPool.Count > 16)
                    s_victimPool.FreeSome(8, ref s_victimRandom);
                Interlocked.Increment(ref s_heartbeat);
                Scheduler.Yield();
            }
            s_victimPool.FreeAll();
        }

        // The victim died with blocks: its supervisor gives them back before the next one starts.
        private static void FreeVictimBlocks() => s_victimPool.FreeAll();

        private static bool SacrificialFault(int kind, bool inject, out ulong recoveryNs)
        {
            int freeSlots = Scheduler.FreeSlots;
            ulong start = Clock.NowNanoseconds;
            int id = Scheduler.Spawn("sacrifice"u8, &Sacrifice, inject ? kind : -1, ThreadPriority.Normal, sacrificial: true);
            if (id < 0)
            {
                recoveryNs = 0;
                return false;
            }
            // The fault report prints from the faulting thread: no other stress output meanwhile.
            StressOutput.Lock.Lock();
            Scheduler.Join(id, out bool faulted);
            StressOutput.Lock.Unlock();
            recoveryNs = Clock.NowNanoseconds - start;
            return faulted == inject && Scheduler.FreeSlots == freeSlots;
        }

        private static void Sacrifice(nint kind)
        {
            if (kind < 0)
                return;
            // An arch without this exception (arm64 has no divide trap) raises a page fault instead.
            FaultInjection.Trigger(FaultInjection.Exists((FaultKind)kind) ? (FaultKind)kind : FaultKind.PageFault);
        }

        private static bool WorkloadSpike(int actions, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            bool held = true;
            for (int i = 0; i < actions; i++)
            {
                switch (random.Range(0, 5))
                {
                    case 0:
                        s_pool.Allocate((uint)random.Range(64, 4097), out _);
                        break;
                    case 1:
                        s_pool.FreeSome(random.Range(1, 5), ref random);
                        break;
                    case 2:
                        Scheduler.Yield();
                        break;
                    case 3:
                        held &= s_shell.RunRandom(ref random) == 0;
                        break;
                    default:
                        int id = Scheduler.Spawn("spike"u8, &Nothing, 0, ThreadPriority.Normal);
                        held &= id >= 0 && Scheduler.Join(id);
                        break;
                }
            }
            if (!inject)
                return held;
            Volatile.Write(ref s_fillerStop, 0);
            int fillers = 0;
            int failure = 0;
            while (fillers < s_threads.Length)
            {
                int id = Scheduler.Spawn("filler"u8, &Filler, 0, ThreadPriority.Low);
                if (id < 0)
                {
                    failure = id;
                    break;
                }
                s_threads[fillers++] = id;
            }
            ulong start = Clock.NowNanoseconds;
            Volatile.Write(ref s_fillerStop, 1);
            for (int i = 0; i < fillers; i++)
                Scheduler.Join(s_threads[i]);
            int again = Scheduler.Spawn("spike"u8, &Nothing, 0, ThreadPriority.Normal);
            held &= failure == (int)SpawnFailure.TableFull && again >= 0 && Scheduler.Join(again);
            recoveryNs = Clock.NowNanoseconds - start;
            return held;
        }

        private static void Nothing(nint unused)
        {
        }

        private static void Filler(nint unused)
        {
            while (Volatile.Read(ref s_fillerStop) == 0)
                Scheduler.Sleep(1);
        }

        private static bool DeadlinePressure(int milliseconds, ref Xorshift64Star random)
        {
            // Probe and hogs share CPU 0: the hogs must compete with the probe, not run
            // beside it, and CPU 0's tick is the one that wakes sleepers, so the probe's
            // wake-ups and the ticks it counts come from the same (virtual) CPU.
            const int cpu = 0;
            if (!DeadlineProbe.Start(DeadlinePeriodTicks, cpu))
                return false;
            Scheduler.Sleep(3);
            int hogs = random.Range(1, 3);
            Volatile.Write(ref s_hogStop, 0);
            int started = 0;
            for (int i = 0; i < hogs; i++)
            {
                int id = Scheduler.Spawn("hog"u8, &Hog, 0, ThreadPriority.Low, cpu: cpu);
                if (id >= 0)
                    s_threads[started++] = id;
            }
            long metBefore = DeadlineProbe.Met;
            long missedBefore = DeadlineProbe.Missed;
            DeadlineProbe.ResetLongestWait();
            Scheduler.Sleep((ulong)milliseconds);
            Volatile.Write(ref s_hogStop, 1);
            for (int i = 0; i < started; i++)
                Scheduler.Join(s_threads[i]);
            StressRun.Add(StressCounter.DeadlinesMet, DeadlineProbe.Met - metBefore);
            StressRun.Add(StressCounter.DeadlinesMissed, DeadlineProbe.Missed - missedBefore);
            // Starved means kept off its CPU for slices on end. One slice was seen
            // with Low hogs only on a host at load 25+ (cause not found; see the issue-5 note).
            bool held = DeadlineProbe.LongestWait < 2 * Scheduler.SliceTicks;
            DeadlineProbe.Stop();
            return held && started == hogs;
        }

        private static void Hog(nint unused)
        {
            while (Volatile.Read(ref s_hogStop) == 0)
                Cpu.SpinWaitHint();
        }

        private static bool TimerStorm(int sleepers)
        {
            int started = 0;
            for (int i = 0; i < sleepers; i++)
            {
                int id = Scheduler.Spawn("sleeper"u8, &Sleeper, 0, ThreadPriority.Normal);
                if (id >= 0)
                    s_threads[started++] = id;
            }
            bool held = started == sleepers;
            for (int i = 0; i < started; i++)
                held &= Scheduler.Join(s_threads[i]);
            return held;
        }

        private static void Sleeper(nint unused)
        {
            ulong end = Clock.NowNanoseconds + 5_000_000;
            while (Clock.NowNanoseconds < end)
                Scheduler.Sleep(1);
        }
    }
}
