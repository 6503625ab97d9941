// What the arch entry learned from the loader, handed to the arch-neutral kernel.
namespace KernelStress.Kernel
{
    internal readonly struct BootInfo
    {
        public readonly ulong MemoryBytes;

        public BootInfo(ulong memoryBytes)
        {
            MemoryBytes = memoryBytes;
        }
    }
}
