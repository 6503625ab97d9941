// The BCM283x power-management (PM) watchdog (PM block at peripherals + 0x100000),
// the only way a Raspberry Pi's ARM side can stop the board: it has no PSCI.
// As Linux's bcm2835_wdt does for "halt", we set the reset partition to 63,
// which the firmware takes after the reset as "stay halted" (on a real board
// the PWR LED stays on and nothing boots), and start a full reset. Under QEMU
// (hw/misc/bcm2835_powermgt.c) the reset is immediate and -no-reboot turns it
// into QEMU exiting 0. Every PM register write carries the password 0x5A.
namespace KernelStress.Kernel.Arch
{
    internal static class PmWatchdog
    {
        private const nuint PowerManagement = 0x10_0000;
        private const nuint ResetControl = 0x1C, ResetStatus = 0x20, Timeout = 0x24;
        private const uint Password = 0x5A00_0000;
        private const uint PartitionBits = 0x555;       // bits 0, 2, .., 10: the partition number
        private const uint ConfigMask = 0x30, FullReset = 0x20;
        private const uint HaltPartition = 0x555;       // partition 63, spread over those bits
        private const uint TimeoutTicks = 10;           // 16 us ticks: about 150 us

        public static void ResetToHalt(nuint peripherals)
        {
            nuint pm = peripherals + PowerManagement;
            uint status = Mmio.Read(pm + ResetStatus) & ~PartitionBits & 0x00FF_FFFF;
            Mmio.Write(pm + ResetStatus, Password | status | HaltPartition);
            Mmio.Write(pm + Timeout, Password | TimeoutTicks);
            uint control = Mmio.Read(pm + ResetControl) & ~ConfigMask & 0x00FF_FFFF;
            Mmio.Write(pm + ResetControl, Password | control | FullReset);
        }
    }
}
