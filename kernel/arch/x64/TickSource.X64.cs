// x86-64 twin of arch/TickSource.cs: the legacy PICs are moved out of the way
// and masked, then the boot CPU's local APIC timer runs periodically; the
// other CPUs' timers run at the rate the boot CPU measured.
namespace KernelStress.Kernel.Arch
{
    internal static partial class TickSource
    {
        public static partial ulong Start(uint hz)
        {
            LegacyPic.RemapAndMask();
            LocalApic.Enable();
            return LocalApic.StartPeriodicTimer(hz);
        }

        public static partial ulong NextTickDue() => LocalApic.NextTimerExpiry();

        public static partial void StartOnThisCpu(uint hz)
        {
            LocalApic.Enable();
            LocalApic.StartCalibratedTimer(hz);
        }
    }
}
