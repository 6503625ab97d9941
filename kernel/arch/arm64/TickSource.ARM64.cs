// AArch64 twin of arch/TickSource.cs: each CPU's EL1 virtual timer of the
// generic timer (CNTV_*), which fires when CNTVCT_EL0 reaches CNTV_CVAL_EL0 and
// holds its interrupt line high until the compare value moves past the count.
// Each tick moves it one period on from the previous deadline, so ticks do not
// drift; after a stall longer than a period (the host descheduling QEMU) the
// missed periods are dropped rather than delivered in a burst, so the tick
// never runs faster than programmed. The counter is shared by all cores, so
// every CPU ticks at the same rate with no calibration.
using KernelStress.Kernel.Time;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class TickSource
    {
        private static ulong s_period;
        // Per CPU index, written only by that CPU.
        private static Deadlines s_deadlines;

        [InlineArray(Processors.MaxCpus)]
        private struct Deadlines
        {
            private ulong _deadline;
        }

        public static partial ulong Start(uint hz)
        {
            ulong counterHz = Clock.CounterHz;
            s_period = counterHz / hz;
            StartOnThisCpu(hz);
            return counterHz;
        }

        public static partial void StartOnThisCpu(uint hz)
        {
            int cpu = Processors.CurrentIndex();
            s_deadlines[cpu] = Cpu.ReadCycleCounter() + s_period;
            ks_virtual_timer_set(s_deadlines[cpu]);
            Board.EnableTimerInterrupt();
        }

        public static partial ulong NextTickDue() => s_deadlines[Processors.CurrentIndex()];

        // Interrupt context, from the board's dispatcher.
        public static void OnInterrupt()
        {
            int cpu = Processors.CurrentIndex();
            ulong deadline = s_deadlines[cpu] + s_period;
            ulong now = Cpu.ReadCycleCounter();
            if (deadline <= now)
                deadline = now + s_period;
            s_deadlines[cpu] = deadline;
            ks_virtual_timer_set(deadline);
            Ticks.OnTick();
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_virtual_timer_set")]
        private static extern void ks_virtual_timer_set(ulong compare);
    }
}
