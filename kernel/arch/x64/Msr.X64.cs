// Model-specific registers (rdmsr/wrmsr), implemented in arch/x64/cpu.s.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static class Msr
    {
        public const uint ApicBase = 0x1B;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_msr")]
        public static extern ulong Read(uint msr);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_write_msr")]
        public static extern void Write(uint msr, ulong value);
    }
}
