// A periodic thread with a deadline, for the chaos event "deadline pressure":
// every period it does a fixed amount of work and counts the period as met if
// it finished before the period's end, missed otherwise. The autonomy
// controller watches the misses: it boosts the thread's priority and, if
// misses go on, relaxes its period (a deadline adjustment). One probe at a time.
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
        private static ulong s_periodNanoseconds;
        private static long s_met;
        private static long s_missed;
        private static int s_stop;

        public static int ThreadId => Volatile.Read(ref s_threadId);

        public static long Met => Volatile.Read(ref s_met);

        public static long Missed => Volatile.Read(ref s_missed);

        public static ulong PeriodNanoseconds => Volatile.Read(ref s_periodNanoseconds);

        // Starts the probe thread at Normal priority; false when no thread could be started.
        public static bool Start(ulong periodNanoseconds)
        {
            s_periodNanoseconds = periodNanoseconds;
            s_met = 0;
            s_missed = 0;
            s_stop = 0;
            int id = Scheduler.Spawn("deadline"u8, &Run, 0, ThreadPriority.Normal);
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
        public static void Relax(ulong periodNanoseconds) => Volatile.Write(ref s_periodNanoseconds, periodNanoseconds);

        private static void Run(nint unused)
        {
            ulong release = Clock.NowNanoseconds;
            while (Volatile.Read(ref s_stop) == 0 && !StressRun.Stopping)
            {
                ulong period = PeriodNanoseconds;
                ulong workEnd = Clock.NowNanoseconds + WorkNanoseconds;
                while (Clock.NowNanoseconds < workEnd)
                    Cpu.SpinWaitHint();
                ulong deadline = release + period;
                if (Clock.NowNanoseconds <= deadline)
                    Interlocked.Increment(ref s_met);
                else
                    Interlocked.Increment(ref s_missed);
                release = deadline > Clock.NowNanoseconds ? deadline : Clock.NowNanoseconds;
                ulong wait = release - Clock.NowNanoseconds;
                Scheduler.Sleep(wait / 1_000_000);
            }
        }
    }
}
