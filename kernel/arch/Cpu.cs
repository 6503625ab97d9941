// The processor operations the arch-neutral kernel needs, declared once here and
// implemented by the arch twins arch/x64/Cpu.X64.cs and arch/arm64/Cpu.ARM64.cs.
// A missing twin fails the build. The interrupt-flag operations are the same
// symbols in both arches' cpu.s, so they are imported here, once.
using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class Cpu
    {
        // "x64" or "arm64", as the records report it.
        public static partial ReadOnlySpan<byte> ArchName();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_disable_interrupts")]
        public static extern void DisableInterrupts();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_enable_interrupts")]
        public static extern void EnableInterrupts();

        // Disables interrupts and says whether they were enabled, for a lock
        // that must put the interrupt flag back as it found it (SpinLock).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_disable_interrupts_saving")]
        public static extern bool DisableInterruptsSaving();

        // Enables interrupts and sleeps until the next one, with no window in
        // between for a wake-up to be missed. Returns with interrupts enabled.
        public static partial void WaitForInterrupt();

        // A hint inside spin loops (pause / yield).
        public static partial void SpinWaitHint();

        // A free-running counter that starts near zero at reset (TSC / CNTVCT).
        public static partial ulong ReadCycleCounter();

        // The counter's rate, measured or read once at boot.
        public static partial ulong MeasureCycleCounterHz();

        // The first free byte past the loaded image (code, data and .bss).
        public static partial nuint ImageEnd();

        // Ends the machine as a clean power-off (QEMU exits with its success code).
        public static partial void PowerOff();

        // Ends the machine after a panic (QEMU exits with its failure code where it can).
        public static partial void HaltAfterPanic();
    }
}
