// PhysicalMemoryMap on a Raspberry Pi: the ARM's share of RAM as the firmware
// reports it through the mailbox, keeping what the kernel may use: nothing
// below the image's end (the firmware's spin table and stub at 0, the image
// at 0x80000) and nothing at or above the board's peripherals (boot.s maps
// only RAM below them).
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static class ArmMemory
    {
        public static void Read(nuint peripherals, ulong ramLimit)
        {
            if (!VideoCoreMailbox.TryGetArmMemory(peripherals, out ulong start, out ulong size))
                Panic.Halt("boot"u8, "the VideoCore firmware did not answer the mailbox's ARM-memory request"u8);
            PhysicalMemoryMap.CountReportedRam(size);
            ulong floor = Cpu.ImageEnd();
            ulong end = start + size < ramLimit ? start + size : ramLimit;
            PhysicalMemoryMap.AddUsable(start > floor ? start : floor, end);
        }
    }
}
