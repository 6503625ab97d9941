// A periodic thread with a deadline, for the chaos event "deadline pressure":
// it sleeps until the next tick, then does a fixed amount of work; a period
// is met when it got the CPU within PeriodTicks ticks of its own CPU after
// its wake-up was due, missed otherwise. The autonomy controller watches the
// misses: it boosts the thread's priority and, if misses go on, relaxes the
// deadline (a deadline adjustment). One probe at a time; it is pinned.
// Counted in ticks of the probe's CPU, not in clock time: when the host
// stops that virtual CPU (TCG on a loaded host), the ticks it missed arrive
// as one, so only a thread that kept the probe off its CPU makes it miss
// (an equal-priority hog holds it for a whole 10-tick slice).
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
        private static long s_maxLate;
        private static int s_stop;

        public static int ThreadId => Volatile.Read(ref s_threadId);

        public static long Met => Volatile.Read(ref s_met);

        public static long Missed => Volatile.Read(ref s_missed);

        public static ulong PeriodTicks => Volatile.Read(ref s_periodTicks);

        // The longest the probe waited for its CPU since the last ResetLongestWait, in ticks.
        public static long LongestWait => Volatile.Read(ref s_maxLate);

        public static void ResetLongestWait() => Volatile.Write(ref s_maxLate, 0);

        // Starts the probe thread at Normal priority, pinned to `cpu`; false when no thread could be started.
        public static bool Start(ulong periodTicks, int cpu)
        {
            s_periodTicks = periodTicks;
            s_met = 0;
            s_missed = 0;
            s_maxLate = 0;
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
            while (Volatile.Read(ref s_stop) == 0 && !StressRun.Stopping)
            {
                ulong asleep = LocalTicks();
                // Sleep(0) makes it ready at the next tick.
                Scheduler.Sleep(0);
                ulong late = LocalTicks() - asleep;
                if ((long)late > Volatile.Read(ref s_maxLate))
                    Volatile.Write(ref s_maxLate, (long)late);
                if (late <= PeriodTicks)
                    Interlocked.Increment(ref s_met);
                else
                    Interlocked.Increment(ref s_missed);
                ulong workEnd = Clock.NowNanoseconds + WorkNanoseconds;
                while (Clock.NowNanoseconds < workEnd)
                    Cpu.SpinWaitHint();
            }
        }

        private static ulong LocalTicks() => Scheduler.SnapshotCpu(Scheduler.CurrentCpu, out PerCpu cpu, out _) ? cpu.Ticks : 0;
    }
}
