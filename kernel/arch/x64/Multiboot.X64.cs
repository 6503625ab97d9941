// The Multiboot 1 information block the loader leaves for us (its address
// arrives in ebx). We read the memory map (flag bit 6: mmap_length at +44,
// mmap_addr at +48; entries {u32 size, u64 base_addr, u64 length, u32 type},
// each followed by the next at +size+4, type 1 = RAM) into PhysicalMemoryMap,
// keeping only what the kernel may use on x64:
//  - nothing below the image's end: the first MiB (real-mode IVT, BIOS data,
//    QEMU's copy of this block at 0x9000, VGA and ROM) and the image itself,
//    which linker.ld loads at 1 MiB;
//  - nothing at or above 4 GiB: boot.s identity-maps only the low 4 GiB.
// Without a map (flag bit 6 clear) the basic fields (flag bit 0: mem_upper, the
// KiB of contiguous RAM above 1 MiB) give one region. The block lives in low
// memory the kernel never hands out, and it is read before anything is allocated.
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Multiboot
    {
        public const uint BootloaderMagic = 0x2BADB002;
        private const uint HasMemoryFields = 1 << 0;
        private const uint HasMemoryMap = 1 << 6;
        private const uint RamType = 1;
        private const ulong OneMiB = 1024 * 1024;
        private const ulong IdentityMapEnd = 4UL << 30;

        public static void ReadMemoryMap(nuint info)
        {
            uint* fields = (uint*)info;
            ulong floor = Cpu.ImageEnd();
            if ((fields[0] & HasMemoryMap) != 0)
            {
                byte* entry = (byte*)fields[12];
                byte* end = entry + fields[11];
                while (entry < end)
                {
                    uint size = *(uint*)entry;
                    ulong start = *(ulong*)(entry + 4);
                    ulong length = *(ulong*)(entry + 12);
                    uint type = *(uint*)(entry + 20);
                    if (type == RamType)
                        AddRam(start, start + length, floor);
                    entry += size + 4;
                }
            }
            else if ((fields[0] & HasMemoryFields) != 0)
            {
                AddRam(OneMiB, OneMiB + (ulong)fields[2] * 1024, floor);
            }
        }

        private static void AddRam(ulong start, ulong end, ulong floor)
        {
            PhysicalMemoryMap.CountReportedRam(end - start);
            if (start < floor)
                start = floor;
            if (end > IdentityMapEnd)
                end = IdentityMapEnd;
            PhysicalMemoryMap.AddUsable(start, end);
        }
    }
}
