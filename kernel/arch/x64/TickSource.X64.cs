// x86-64 twin of arch/TickSource.cs: the legacy PICs are moved out of the way
// and masked, then the boot CPU's local APIC timer runs periodically.
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
    }
}
