// What arch/arm64/vectors.s leaves on the stack for the C# handler, lowest
// address first: x0-x30, the interrupted sp, ELR_EL1 (where it happened),
// SPSR_EL1 (the interrupted state), ESR_EL1 (why), FAR_EL1 (the faulting
// address, for aborts), the vector-table slot, padding. The FP/SIMD registers
// follow the frame (vectors.s saves and restores them; C# does not look).
// CONTRACT with vectors.s: this layout is GP_FRAME (304) bytes.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelStress.Kernel.Arch
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct ExceptionFrame
    {
        public const int RegisterCount = 31;

        public GeneralRegisters X;
        public ulong Sp, Elr, Spsr, Esr, Far, Slot, Padding;

        [InlineArray(RegisterCount)]
        public struct GeneralRegisters
        {
            private ulong _x0;
        }
    }
}
