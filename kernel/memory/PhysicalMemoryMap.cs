// The usable RAM the boot loader described, as a fixed table of page-aligned
// [Start, End) regions in ascending order, filled once by the arch entry before
// anything else runs (arch/x64/Multiboot.X64.cs on x64) and read-only after.
// The arch twin decides what is usable (RAM type, below what it identity-maps,
// not the image or firmware areas); this table only keeps the result.
// Invariants: regions are page-aligned, non-empty, sorted and disjoint.
// Usable before statics are initialised: primitive and inline-array statics only.
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Memory
{
    internal static unsafe class PhysicalMemoryMap
    {
        public const int Capacity = 32;
        public const ulong PageSize = 4096;

        [InlineArray(Capacity)]
        private struct RegionTable
        {
            private MemoryRegion _region;
        }

        private static RegionTable s_regions;
        private static int s_count;
        private static ulong s_reportedRamBytes;
        private static int s_droppedRegions;

        public static int Count => s_count;

        // Every byte the loader called RAM, before anything was excluded.
        public static ulong ReportedRamBytes => s_reportedRamBytes;

        // Regions that did not fit the table (reported at boot, never silently lost).
        public static int DroppedRegions => s_droppedRegions;

        public static ulong UsableBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < s_count; i++)
                    total += Region(i).Length;
                return total;
            }
        }

        public static MemoryRegion Region(int index)
        {
            fixed (RegionTable* table = &s_regions)
                return ((MemoryRegion*)table)[index];
        }

        public static void CountReportedRam(ulong bytes) => s_reportedRamBytes += bytes;

        // Adds [start, end) shrunk inward to whole pages, keeping the table sorted;
        // overlaps with an existing region are trimmed off (loaders do repeat ranges).
        public static void AddUsable(ulong start, ulong end)
        {
            start = (start + PageSize - 1) & ~(PageSize - 1);
            end &= ~(PageSize - 1);
            if (end <= start)
                return;
            fixed (RegionTable* table = &s_regions)
            {
                MemoryRegion* regions = (MemoryRegion*)table;
                for (int i = 0; i < s_count; i++)
                {
                    if (start < regions[i].End && regions[i].Start < end)
                    {
                        // Keep the part below the overlap here and retry the part above it.
                        ulong upperStart = regions[i].End;
                        ulong upperEnd = end;
                        if (start < regions[i].Start)
                            AddUsable(start, regions[i].Start);
                        if (upperStart < upperEnd)
                            AddUsable(upperStart, upperEnd);
                        return;
                    }
                }
                if (s_count == Capacity)
                {
                    s_droppedRegions++;
                    return;
                }
                int at = s_count;
                while (at > 0 && regions[at - 1].Start > start)
                {
                    regions[at] = regions[at - 1];
                    at--;
                }
                regions[at] = new MemoryRegion(start, end);
                s_count++;
            }
        }
    }
}
