// The Multiboot 1 information block the loader leaves for us (its address
// arrives in ebx). We read the memory fields (flag bit 0): mem_upper is the KiB
// of contiguous memory above 1 MiB.
namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Multiboot
    {
        public const uint BootloaderMagic = 0x2BADB002;
        private const uint HasMemoryFields = 1 << 0;

        public static ulong MemoryBytes(nuint info)
        {
            uint* fields = (uint*)info;
            if ((fields[0] & HasMemoryFields) == 0)
                return 0;
            ulong upperKiB = fields[2];
            return (upperKiB + 1024) * 1024;
        }
    }
}
