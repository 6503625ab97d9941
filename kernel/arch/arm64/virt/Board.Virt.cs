// The QEMU virt board (hw/arm/virt.c, QEMU 7.2 to 10): PL011 UART0 at 0x09000000
// (24 MHz reference clock) on SPI 1 (interrupt ID 33), a GICv2 (gicv2/) with its
// distributor at 0x08000000 and CPU interface at 0x08010000, the generic
// timer's EL1 virtual timer on PPI 11 (ID 27). RAM, the CPUs and the PSCI
// conduit come from the device tree QEMU generates; -smp N's further CPUs wait
// powered off for PSCI CPU_ON. Power-off is PSCI SYSTEM_OFF, after
// which QEMU exits 0; virt has no device to exit with another code, so a panic
// powers off the same way and the panic record tells the host what happened.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        private const nuint Pl011 = 0x0900_0000;
        private const nuint GicDistributor = 0x0800_0000;
        private const nuint GicCpuInterface = 0x0801_0000;
        private const uint VirtualTimerId = 27;
        private const uint UartId = 33;

        public static partial nuint UartBase() => Pl011;

        public static partial ulong UartClockHz() => 24_000_000;

        // virt's PL011 is not behind a pin multiplexer.
        public static partial void RouteUartPins()
        {
        }

        public static partial void ReadMemoryMap(nuint loaderArgument) => DeviceTree.Read(loaderArgument);

        public static partial int DiscoverCpus(System.Span<ulong> hardwareIds) => DeviceTree.CopyCpus(hardwareIds);

        public static partial bool StartCpu(ulong hardwareId, nuint entry) => Psci.CpuOn(hardwareId, entry);

        public static partial void PowerOff() => Psci.SystemOff();

        public static partial void HaltAfterPanic() => Psci.SystemOff();
    }
}
