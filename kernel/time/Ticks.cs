using KernelStress.Kernel.Arch;
// The periodic tick: counts the boot CPU's timer interrupts since its timer
// started (Count: one clock for everyone) and drives the scheduler on every
// CPU (sleepers' wake-ups, time slices: Scheduler.OnTick).
// OnTick runs in interrupt context: no allocation, no lock but the
// scheduler's spinlock (interrupts are off while it is held), and console
// output only from the watchdog and the status key, which never wait long for it.
namespace KernelStress.Kernel.Time
{
    internal static class Ticks
    {
        public const uint Hz = 1000;

        private static ulong s_count;
        // Per CPU, for the timer-latency benchmark: the cycle counter at which the
        // armed tick is due (0 = not armed), and when its handler got here.
        private static readonly ulong[] s_probeDue = new ulong[Arch.Processors.MaxCpus];
        private static readonly ulong[] s_probeEntered = new ulong[Arch.Processors.MaxCpus];
        private static ulong s_timerInputHz;

        public static ulong Count => System.Threading.Volatile.Read(ref s_count);

        // The timer hardware's input rate, measured at start.
        public static ulong TimerInputHz => s_timerInputHz;

        // Interrupts off: the next tick on this CPU will note when its handler
        // runs. Returns the cycle counter at which that tick is due.
        public static ulong ArmProbe()
        {
            int cpu = Arch.Processors.CurrentIndex();
            s_probeEntered[cpu] = 0;
            s_probeDue[cpu] = Arch.TickSource.NextTickDue();
            return s_probeDue[cpu];
        }

        // On the CPU that armed it, once that tick was handled: the cycles from
        // the tick's due time to its handler; false while it has not come yet.
        public static bool TakeProbe(ulong due, out ulong latencyCycles)
        {
            ulong entered = System.Threading.Volatile.Read(ref s_probeEntered[Arch.Processors.CurrentIndex()]);
            latencyCycles = entered > due ? entered - due : 0;
            return entered != 0;
        }

        public static void Start()
        {
            s_timerInputHz = Arch.TickSource.Start(Hz);
        }

        public static void OnTick()
        {
            ulong entered = Arch.Cpu.ReadCycleCounter();
            int cpu = Arch.Processors.CurrentIndex();
            if (s_probeDue[cpu] != 0)
            {
                s_probeEntered[cpu] = entered;
                s_probeDue[cpu] = 0;
            }
            if (cpu == 0)
                s_count++;
            // Before the scheduler's tick: a CPU stuck holding the scheduler lock
            // would stop this one in there, and the stall must be reported first.
            Watchdog.Watchdog.OnTick(cpu, Clock.CounterToNanoseconds(entered));
            if (cpu == 0)
                Shell.StatusKey.OnTick();
            Scheduling.Scheduler.OnTick();
        }
    }
}
