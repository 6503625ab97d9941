// The periodic tick: counts the boot CPU's timer interrupts since its timer
// started (Count: one clock for everyone) and drives the scheduler on every
// CPU (sleepers' wake-ups, time slices: Scheduler.OnTick).
// OnTick runs in interrupt context: no allocation, no console output, and no
// lock but the scheduler's spinlock (interrupts are off while it is held).
namespace KernelStress.Kernel.Time
{
    internal static class Ticks
    {
        public const uint Hz = 1000;

        private static ulong s_count;
        private static ulong s_timerInputHz;

        public static ulong Count => System.Threading.Volatile.Read(ref s_count);

        // The timer hardware's input rate, measured at start.
        public static ulong TimerInputHz => s_timerInputHz;

        public static void Start()
        {
            s_timerInputHz = Arch.TickSource.Start(Hz);
        }

        public static void OnTick()
        {
            if (Arch.Processors.CurrentIndex() == 0)
                s_count++;
            Scheduling.Scheduler.OnTick();
        }
    }
}
