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

        // Sets up the interrupt controller with every source masked (boot CPU).
        public static partial void InitializeInterruptController();

        // A further CPU: its interface to the controller, with other CPUs'
        // signals (Processors.Signal) unmasked.
        public static partial void InitializeInterruptsOnThisCpu();

        // Unmasks the generic timer's (virtual timer) interrupt to this CPU.
        public static partial void EnableTimerInterrupt();

        // Unmasks the PL011's interrupt to this CPU.
        public static partial void EnableUartInterrupt();

        // Interrupt context: acknowledges and handles every pending interrupt of
        // this CPU (TickSource.OnInterrupt, Uart.DrainReceived, another CPU's
        // signal: Processors.OnSignal), counting the rest with Interrupts.CountUnexpected.
        // `interrupted` is where this CPU was (for the watchdog's ReportState).
        public static unsafe partial void HandleInterrupts(ExceptionFrame* interrupted);

        // FIQ context: the ReportState signal, the one source the board routes
        // to FIQ (Processors.OnSignal with `interrupted`); acknowledges nothing else.
        public static unsafe partial void HandleFastInterrupt(ExceptionFrame* interrupted);

        // Fills hardwareIds with the affinity (MPIDR Aff3..Aff0) of every CPU the
        // board has; returns how many there are in all.
        public static partial int DiscoverCpus(System.Span<ulong> hardwareIds);

        // Starts the CPU with that affinity at `entry` (MMU off); false when refused.
        public static partial bool StartCpu(ulong hardwareId, nuint entry);

        // Interrupts the CPU with that affinity with signal number `signal`
        // (an InterProcessorSignal: 0, 1 or 2).
        public static partial void SendSignal(ulong hardwareId, int signal);

        public static partial void PowerOff();

        public static partial void HaltAfterPanic();
    }
}
