// The Raspberry Pi 4 (BCM2711; QEMU 9.0 and later: -M raspi4b) in
// low-peripheral mode (the firmware default): peripherals at 0xFE000000, the
// PL011 (UART0) at 0xFE201000 with the 48 MHz clock config.txt asks for, RAM
// and the core count from the firmware's mailbox, and a GIC-400 (a GICv2,
// gicv2/) with its distributor at 0xFF841000 and CPU interface at 0xFF842000.
// The generic timer's virtual timer is PPI 11 (ID 27). The VideoCore's
// interrupts 0-63 are IDs 96-159 (SPI 64-127; BCM2711 ARM Peripherals 6.3), so
// the UART's, VideoCore interrupt 57, is ID 153 (the device tree's GIC_SPI 121).
// Other cores' signals are SGIs. Cores 1-3 wait on the firmware's spin table
// (SpinTable). No PSCI: power-off is the PM watchdog (PmWatchdog).
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
        private const uint VideoCoreInterrupts = 96;
        private const uint UartId = VideoCoreInterrupts + 57;

        public static partial nuint UartBase() => Pl011;

        public static partial ulong UartClockHz() => 48_000_000;

        public static partial void RouteUartPins() => UartPins.RouteToPl011(Peripherals);

        public static partial void ReadMemoryMap(nuint loaderArgument) => ArmMemory.Read(Peripherals, RamLimit);

        public static partial int DiscoverCpus(System.Span<ulong> hardwareIds) => SpinTable.Discover(Peripherals, hardwareIds);

        public static partial bool StartCpu(ulong hardwareId, nuint entry) => SpinTable.Release(hardwareId, entry);

        public static partial void PowerOff() => PmWatchdog.ResetToHalt(Peripherals);

        public static partial void HaltAfterPanic() => PmWatchdog.ResetToHalt(Peripherals);
    }
}
