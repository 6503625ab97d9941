// AArch64 twin of arch/TickSource.cs: the EL1 virtual timer of the generic
// timer (CNTV_*), which fires when CNTVCT_EL0 reaches CNTV_CVAL_EL0 and holds
// its interrupt line high until the compare value moves past the count. Each
// tick moves it one period on from the previous deadline, so ticks do not
// drift; after a stall longer than a period (the host descheduling QEMU) the
// missed periods are dropped rather than delivered in a burst, so the tick
// never runs faster than programmed.
using KernelStress.Kernel.Time;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class TickSource
    {
        private static ulong s_period;
        private static ulong s_deadline;

        public static partial ulong Start(uint hz)
        {
            ulong counterHz = Clock.CounterHz;
            s_period = counterHz / hz;
            s_deadline = Cpu.ReadCycleCounter() + s_period;
            ks_virtual_timer_set(s_deadline);
            Board.EnableTimerInterrupt();
            return counterHz;
        }

        // Interrupt context, from the board's dispatcher.
        public static void OnInterrupt()
        {
            s_deadline += s_period;
            ulong now = Cpu.ReadCycleCounter();
            if (s_deadline <= now)
                s_deadline = now + s_period;
            ks_virtual_timer_set(s_deadline);
            Ticks.OnTick();
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_virtual_timer_set")]
        private static extern void ks_virtual_timer_set(ulong compare);
    }
}
