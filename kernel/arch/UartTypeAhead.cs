// What a person typed before the kernel took the UART: the byte the receiver
// already holds at reset. On the 16550, enabling the FIFO resets the receive
// side and drops it (a line typed during boot arrived without its first
// character); the PL011 twin keeps its bytes too before it disables the UART
// to change the line format, whatever the firmware left in its FIFO. The
// twins' Initialize keeps them here first (statics with references do not
// exist yet: a fixed buffer of bytes), and EnableReceiveInterrupt hands them
// to UartInput before any byte the interrupt brings, so they arrive in order.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Uart
    {
        // A 16550's FIFO holds 16 bytes and a PL011's 32; at reset both hold one.
        private const int TypeAheadCapacity = 32;

        private static TypeAheadStorage s_typeAhead;
        private static int s_typeAheadLength;

        [System.Runtime.CompilerServices.InlineArray(TypeAheadCapacity)]
        private struct TypeAheadStorage
        {
            private byte _byte;
        }

        // Before the receiver is reset: takes what it holds.
        private static void KeepTypeAhead()
        {
            while (s_typeAheadLength < TypeAheadCapacity && TryReadByte(out byte value))
                s_typeAhead[s_typeAheadLength++] = value;
        }

        // Before the receive interrupt is unmasked: the kept bytes come first.
        private static void ReleaseTypeAhead()
        {
            for (int i = 0; i < s_typeAheadLength; i++)
                Console.UartInput.OnReceived(s_typeAhead[i]);
            s_typeAheadLength = 0;
        }
    }
}
