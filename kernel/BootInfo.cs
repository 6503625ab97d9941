// What the arch entry learned from the loader, handed to the arch-neutral kernel.
namespace KernelStress.Kernel
{
    internal readonly struct BootInfo
    {
        // All RAM the loader reported, before the arch excluded anything.
        public readonly ulong ReportedRamBytes;

        // The RAM the page allocator manages (PhysicalMemoryMap).
        public readonly ulong MemoryBytes;

        public BootInfo(ulong reportedRamBytes, ulong memoryBytes)
        {
            ReportedRamBytes = reportedRamBytes;
            MemoryBytes = memoryBytes;
        }
    }
}
