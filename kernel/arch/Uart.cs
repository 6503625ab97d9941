// The primary serial console, declared here, implemented by the arch twins:
// a 16550 on COM1 for x64 (arch/x64/Uart.X64.cs), a PL011 for arm64.
// Transmit is polled (waits for the holding register). Receive starts polled;
// after EnableReceiveInterrupt every arriving byte is handed to
// UartInput.OnReceived in interrupt context, and readers use UartInput.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Uart
    {
        public static partial void Initialize();

        public static partial void WriteByte(byte value);

        // True and the byte when one has arrived; false at once otherwise.
        public static partial bool TryReadByte(out byte value);

        // Routes the receive interrupt to this CPU; from here on bytes arrive
        // through UartInput.
        public static partial void EnableReceiveInterrupt();
    }
}
