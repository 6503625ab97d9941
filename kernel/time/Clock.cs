// Monotonic time since reset, from the arch's free-running cycle counter (TSC on
// x64, CNTVCT on arm64) and its rate, measured once at boot.
// Invariant: after Initialize, NowNanoseconds never goes backwards on one CPU.
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel.Time
{
    internal static class Clock
    {
        private static ulong s_counterHz;

        public static void Initialize()
        {
            s_counterHz = Cpu.MeasureCycleCounterHz();
        }

        public static ulong CounterHz => s_counterHz;

        public static ulong NowNanoseconds => CounterToNanoseconds(Cpu.ReadCycleCounter());

        // Exact for any counter value: whole seconds first, then the remainder,
        // so the product never overflows 64 bits.
        public static ulong CounterToNanoseconds(ulong counter)
        {
            ulong seconds = counter / s_counterHz;
            ulong rest = counter % s_counterHz;
            return seconds * 1_000_000_000UL + rest * 1_000_000_000UL / s_counterHz;
        }
    }
}
