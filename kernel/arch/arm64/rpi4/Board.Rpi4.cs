// The Raspberry Pi 4 (BCM2711) in low-peripheral mode (the firmware default):
// peripherals at 0xFE000000, the PL011 (UART0) at 0xFE201000 with the 48 MHz
// clock config.txt asks for, RAM from the firmware's mailbox, and a GIC-400
// (a GICv2) with its distributor at 0xFF841000 and CPU interface at
// 0xFF842000: the generic timer's virtual timer is PPI 11 (ID 27), the UART
// VideoCore IRQ 57 = SPI 96 + 57 (ID 153); other cores' signals are SGIs.
// Cores 1-3 wait on the firmware's spin table (SpinTable). No PSCI: power-off
// is the PM watchdog (PmWatchdog).
// QEMU 7.2 has no Raspberry Pi 4 model, so this board is built, not booted here.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        private const nuint Peripherals = 0xFE00_0000;
        private const ulong RamLimit = 0xFC00_0000;
        private const nuint Pl011 = Peripherals + 0x20_1000;
        private const nuint GicDistributor = 0xFF84_1000;
        private const nuint GicCpuInterface = 0xFF84_2000;
        private const uint VirtualTimerId = 27;
        private const uint UartId = 32 + 96 + 57;

        public static partial nuint UartBase() => Pl011;

        public static partial ulong UartClockHz() => 48_000_000;

        public static partial void RouteUartPins() => UartPins.RouteToPl011(Peripherals);

        public static partial void ReadMemoryMap(nuint loaderArgument) => ArmMemory.Read(Peripherals, RamLimit);

        public static partial void InitializeInterruptController() => GicV2.Initialize(GicDistributor, GicCpuInterface);

        public static partial void InitializeInterruptsOnThisCpu() => GicV2.InitializeCpuInterface(GicDistributor, GicCpuInterface);

        public static partial void EnableTimerInterrupt() => GicV2.Enable(GicDistributor, VirtualTimerId);

        public static partial void EnableUartInterrupt() => GicV2.Enable(GicDistributor, UartId);

        public static unsafe partial void HandleInterrupts(ExceptionFrame* interrupted) => GicV2.HandlePending(GicCpuInterface, VirtualTimerId, UartId, interrupted);

        public static unsafe partial void HandleFastInterrupt(ExceptionFrame* interrupted) => GicV2.HandleFast(GicCpuInterface, interrupted);

        public static partial int DiscoverCpus(System.Span<ulong> hardwareIds) => SpinTable.Discover(hardwareIds);

        public static partial bool StartCpu(ulong hardwareId, nuint entry) => SpinTable.Release(hardwareId, entry);

        public static partial void SendSignal(ulong hardwareId, int signal) => GicV2.SendSignal(GicDistributor, hardwareId, signal);

        public static partial void PowerOff() => PmWatchdog.ResetToHalt(Peripherals);

        public static partial void HaltAfterPanic() => PmWatchdog.ResetToHalt(Peripherals);
    }
}
