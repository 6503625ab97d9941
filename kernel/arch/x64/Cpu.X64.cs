// x86-64 twin of arch/Cpu.cs. Primitives come from arch/x64/cpu.s; power-off
// uses QEMU's isa-debug-exit device (iobase 0xf4): writing v makes QEMU exit
// with (v << 1) | 1, so 0x10 exits 33 (success) and 0x11 exits 35 (panic).
using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class Cpu
    {
        private const ushort DebugExitPort = 0xF4;
        private const byte DebugExitSuccess = 0x10;
        private const byte DebugExitPanic = 0x11;

        public static partial ReadOnlySpan<byte> ArchName() => "x64"u8;

        public static partial void WaitForInterrupt() => ks_enable_interrupts_and_halt();

        public static partial void SpinWaitHint() => ks_pause();

        public static partial ulong ReadCycleCounter() => ks_read_tsc();

        public static partial ulong MeasureCycleCounterHz() => Pit.MeasureTscHz();

        public static partial nuint ImageEnd() => ks_image_end();

        public static partial void PowerOff()
        {
            PortIo.Out8(DebugExitPort, DebugExitSuccess);
            StopForever();
        }

        public static partial void HaltAfterPanic()
        {
            PortIo.Out8(DebugExitPort, DebugExitPanic);
            StopForever();
        }

        // Without the debug-exit device (real hardware) the CPU just stops.
        private static void StopForever()
        {
            while (true)
            {
                DisableInterrupts();
                ks_halt();
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_halt")]
        private static extern void ks_halt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_enable_interrupts_and_halt")]
        private static extern void ks_enable_interrupts_and_halt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_pause")]
        private static extern void ks_pause();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_tsc")]
        private static extern ulong ks_read_tsc();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_image_end")]
        private static extern nuint ks_image_end();
    }
}
