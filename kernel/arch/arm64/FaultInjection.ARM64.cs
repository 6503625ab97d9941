// AArch64 twin of arch/FaultInjection.cs, from instructions in arch/arm64/cpu.s:
// ud -> UDF (undefined instruction, EC 0x00); pf -> a load from 4 GiB, just
// past the identity map (data abort, EC 0x25, translation fault at level 1,
// FAR = 0x100000000); gp -> a load from a non-canonical (upper-half) address,
// which with no TTBR1 tables is a translation fault at level 0 (EC 0x25).
// Integer division by zero does not trap on AArch64 (SDIV/UDIV yield 0), so
// there is no `de`. None of the others returns.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class FaultInjection
    {
        public static partial bool Exists(FaultKind kind) => kind != FaultKind.DivideError;

        public static partial void Trigger(FaultKind kind)
        {
            switch (kind)
            {
                case FaultKind.InvalidOpcode: ks_fault_undefined_instruction(); break;
                case FaultKind.PageFault: ks_fault_translation(); break;
                case FaultKind.GeneralProtection: ks_fault_upper_half(); break;
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_undefined_instruction")]
        private static extern void ks_fault_undefined_instruction();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_translation")]
        private static extern void ks_fault_translation();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_upper_half")]
        private static extern void ks_fault_upper_half();
    }
}
