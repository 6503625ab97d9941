// One run of usable physical RAM, [Start, End), page-aligned (see PhysicalMemoryMap).
namespace KernelStress.Kernel.Memory
{
    internal readonly struct MemoryRegion
    {
        public readonly ulong Start;
        public readonly ulong End;

        public MemoryRegion(ulong start, ulong end)
        {
            Start = start;
            End = end;
        }

        public ulong Length => End - Start;
    }
}
