// The revision code the firmware's mailbox reports (raspberrypi/documentation,
// "Raspberry Pi revision codes"), new style (bit 23 set): bits 20-22 the RAM,
// 256 MiB << n; bits 12-15 the processor, 2 BCM2837 and 3 BCM2711, both with
// four Cortex-A cores in one cluster. The firmware's device tree lists the
// same RAM and cores. A processor not known here runs on the boot core alone.
namespace KernelStress.Kernel.Arch
{
    internal static class BoardRevision
    {
        private const uint NewStyle = 1u << 23;
        private const int MemoryShift = 20, ProcessorShift = 12;
        private const uint Bcm2837 = 2, Bcm2711 = 3;

        public static ulong MemoryBytes(uint revision) => (256UL << 20) << (int)((revision >> MemoryShift) & 7);

        public static int Cores(uint revision)
        {
            uint processor = (revision >> ProcessorShift) & 0xF;
            return processor == Bcm2837 || processor == Bcm2711 ? 4 : 1;
        }

        // The revision from the mailbox; halts when the firmware does not give
        // one in the new style (nothing else here knows the board's RAM and cores).
        public static uint Read(nuint peripherals)
        {
            if (!VideoCoreMailbox.TryGetBoardRevision(peripherals, out uint revision) || (revision & NewStyle) == 0)
                Panic.Halt("boot"u8, "the VideoCore firmware did not report a new-style board revision through the mailbox"u8);
            return revision;
        }
    }
}
