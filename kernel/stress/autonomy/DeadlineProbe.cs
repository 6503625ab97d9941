// A periodic thread with a deadline, for the chaos event "deadline pressure":
// every period it does a fixed amount of work and counts the period as met if
// the work finished before the period's end, missed otherwise. The autonomy
// controller watches the misses: it boosts the thread's priority and, if
// misses go on, relaxes its period (a deadline adjustment). One probe at a time.
// Periods are counted in timer ticks, not clock time: when the host stops
// the whole machine for a while (TCG on a loaded host), the ticks it missed
// arrive as one, so only what happened inside the machine (a thread that
// kept the probe off the CPU) makes it miss.
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Stress.Autonomy
{
    internal static unsafe class DeadlineProbe
    {
        private const ulong WorkNanoseconds = 200_000;

        private static int s_threadId = Scheduler.NoThread;
        private static ulong s_periodTicks;
        private static long s_met;
        private static long s_missed;
        private static int s_stop;

        public static int ThreadId => Volatile.Read(ref s_threadId);

        public static long Met => Volatile.Read(ref s_met);

        public static long Missed => Volatile.Read(ref s_missed);

        public static ulong PeriodTicks => Volatile.Read(ref s_periodTicks);

        // Starts the probe thread at Normal priority, pinned to `cpu`; false when no thread could be started.
        public static bool Start(ulong periodTicks, int cpu)
        {
            s_periodTicks = periodTicks;
            s_met = 0;
            s_missed = 0;
            s_stop = 0;
            int id = Scheduler.Spawn("deadline"u8, &Run, 0, ThreadPriority.Normal, cpu: cpu);
            Volatile.Write(ref s_threadId, id < 0 ? Scheduler.NoThread : id);
            return id >= 0;
        }

        public static void Stop()
        {
            int id = ThreadId;
            if (id == Scheduler.NoThread)
                return;
            Volatile.Write(ref s_stop, 1);
            Scheduler.Join(id);
            Volatile.Write(ref s_threadId, Scheduler.NoThread);
        }

        // The controller's deadline adjustment: a longer period (so a later deadline).
        public static void Relax(ulong periodTicks) => Volatile.Write(ref s_periodTicks, periodTicks);

        private static void Run(nint unused)
        {
            ulong release = Ticks.Count;
            while (Volatile.Read(ref s_stop) == 0 && !StressRun.Stopping)
            {
                ulong workEnd = Clock.NowNanoseconds + WorkNanoseconds;
                while (Clock.NowNanoseconds < workEnd)
                    Cpu.SpinWaitHint();
                ulong deadline = release + PeriodTicks;
                ulong now = Ticks.Count;
                if (now < deadline)
                    Interlocked.Increment(ref s_met);
                else
                    Interlocked.Increment(ref s_missed);
                release = deadline > now ? deadline : now;
                // Sleep(0) returns at the next tick.
                while (Ticks.Count < release && Volatile.Read(ref s_stop) == 0)
                    Scheduler.Sleep(0);
            }
        }
    }
}
