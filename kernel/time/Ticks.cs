// The periodic tick: counts timer interrupts since the timer started, and is
// where time-driven work (the scheduler's preemption) will hook in.
// OnTick runs in interrupt context: no allocation, no locks, no console output.
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

        public static void OnTick() => s_count++;
    }
}
