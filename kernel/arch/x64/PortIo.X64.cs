// x86 port I/O, implemented in arch/x64/cpu.s.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static class PortIo
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "ks_outb")]
        public static extern void Out8(ushort port, byte value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "ks_inb")]
        public static extern byte In8(ushort port);
    }
}
