// What differs between the AArch64 boards, declared once here and implemented
// by one board's twin (virt/Board.Virt.cs, rpi3/Board.Rpi3.cs, rpi4/Board.Rpi4.cs;
// Kernel.csproj compiles only the board picked with -p:KernelBoard). The rest of
// arch/arm64 is the same on every board: the CPU, its generic timer and MMU,
// and the PL011 UART (at the board's address).
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        // The PL011's registers and its reference clock (for the baud divisor).
        public static partial nuint UartBase();

        public static partial ulong UartClockHz();

        // Points GPIO pins at the UART where the board has a pin multiplexer.
        public static partial void RouteUartPins();

        // Fills PhysicalMemoryMap from what the loader provides (x0 at entry on
        // virt: a DTB; the VideoCore firmware's mailbox on a Pi). Runs before
        // statics exist.
        public static partial void ReadMemoryMap(nuint loaderArgument);

        // Sets up the interrupt controller with every source masked.
        public static partial void InitializeInterruptController();

        // Unmasks the generic timer's (virtual timer) interrupt to this CPU.
        public static partial void EnableTimerInterrupt();

        // Unmasks the PL011's interrupt to this CPU.
        public static partial void EnableUartInterrupt();

        // Interrupt context: acknowledges and handles every pending device
        // interrupt (TickSource.OnInterrupt, Uart.DrainReceived), counting the
        // rest with Interrupts.CountUnexpected.
        public static partial void HandleInterrupts();

        public static partial void PowerOff();

        public static partial void HaltAfterPanic();
    }
}
