// x86-64 twin of arch/FaultInjection.cs: the four exceptions come from
// instructions in arch/x64/cpu.s (div by zero, ud2, a load past the identity
// map, a load from a non-canonical address). None of them returns.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static partial class FaultInjection
    {
        public static partial bool Exists(FaultKind kind) => true;

        public static partial void Trigger(FaultKind kind)
        {
            switch (kind)
            {
                case FaultKind.DivideError: ks_fault_divide_error(); break;
                case FaultKind.InvalidOpcode: ks_fault_invalid_opcode(); break;
                case FaultKind.PageFault: ks_fault_page_fault(); break;
                case FaultKind.GeneralProtection: ks_fault_general_protection(); break;
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_divide_error")]
        private static extern void ks_fault_divide_error();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_invalid_opcode")]
        private static extern void ks_fault_invalid_opcode();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_page_fault")]
        private static extern void ks_fault_page_fault();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_fault_general_protection")]
        private static extern void ks_fault_general_protection();
    }
}
