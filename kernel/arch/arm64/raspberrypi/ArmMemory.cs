// PhysicalMemoryMap on a Raspberry Pi, from the firmware's mailbox: the ARM's
// share of the first GiB (the rest of it is the GPU's), and on a board with
// more RAM than that (its revision code says how much) the RAM from 1 GiB up,
// which is all the ARM's (the firmware's device tree lists the same two
// ranges). The kernel keeps what it may use: nothing below the image's end
// (the firmware's spin table and stub at 0, the image at 0x80000) and nothing
// at or above the board's peripherals (boot.s maps only RAM below them).
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static class ArmMemory
    {
        private const ulong FirstGigabyte = 1UL << 30;

        public static void Read(nuint peripherals, ulong ramLimit)
        {
            if (!VideoCoreMailbox.TryGetArmMemory(peripherals, out ulong start, out ulong size))
                Panic.Halt("boot"u8, "the VideoCore firmware did not answer the mailbox's ARM-memory request"u8);
            PhysicalMemoryMap.CountReportedRam(size);
            ulong floor = Cpu.ImageEnd();
            PhysicalMemoryMap.AddUsable(start > floor ? start : floor, Min(start + size, ramLimit));

            ulong board = BoardRevision.MemoryBytes(BoardRevision.Read(peripherals));
            if (board > FirstGigabyte)
            {
                PhysicalMemoryMap.CountReportedRam(board - FirstGigabyte);
                PhysicalMemoryMap.AddUsable(FirstGigabyte, Min(board, ramLimit));
            }
        }

        private static ulong Min(ulong a, ulong b) => a < b ? a : b;
    }
}
