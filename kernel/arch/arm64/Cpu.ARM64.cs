// AArch64 twin of arch/Cpu.cs. Primitives come from arch/arm64/cpu.s. The cycle
// counter is the generic timer's virtual count (CNTVCT_EL0), whose rate the
// firmware wrote into CNTFRQ_EL0: nothing to measure. Power-off is the board's
// (PSCI on virt, the watchdog on a Raspberry Pi).
using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class Cpu
    {
        public static partial ReadOnlySpan<byte> ArchName() => "arm64"u8;

        public static partial void WaitForInterrupt() => ks_wait_for_interrupt();

        public static partial void SpinWaitHint() => ks_yield();

        public static partial ulong ReadCycleCounter() => ks_read_counter();

        public static partial ulong MeasureCycleCounterHz()
        {
            ulong hz = ks_read_counter_frequency();
            if (hz == 0)
                Panic.Halt("clock"u8, "CNTFRQ_EL0 is 0: the firmware did not set the generic timer's frequency"u8);
            return hz;
        }

        public static partial nuint ImageEnd() => ks_image_end();

        public static partial void PowerOff()
        {
            Board.PowerOff();
            StopForever();
        }

        public static partial void HaltAfterPanic()
        {
            Board.HaltAfterPanic();
            StopForever();
        }

        // Where the board cannot end the machine, the CPU just stops.
        private static void StopForever() => ks_halt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_wait_for_interrupt")]
        private static extern void ks_wait_for_interrupt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_halt")]
        private static extern void ks_halt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_yield")]
        private static extern void ks_yield();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_counter")]
        private static extern ulong ks_read_counter();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_counter_frequency")]
        private static extern ulong ks_read_counter_frequency();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_image_end")]
        private static extern nuint ks_image_end();
    }
}
