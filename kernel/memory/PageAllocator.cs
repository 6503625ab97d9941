// Physical page frames (4 KiB) of the RAM in PhysicalMemoryMap: single pages and
// contiguous runs, first fit. Owns two tables covering every frame from the
// lowest to the highest usable address, placed at boot in the first region big
// enough and reserved there:
//  - a bitmap, one bit per frame, set = not free (taken, reserved, or a hole);
//    searching skips 64 taken frames per word;
//  - an owner tag per frame (PageOwner), so a free can tell a double free (tag
//    Free) from a foreign address (another owner, a hole, outside RAM) and a
//    heap can tell its own pages from anyone else's.
// Invariants: bit clear <=> tag Free; FreePages = clear bits in the range;
// no frame below s_searchFrom is free; total = free + used, where used includes
// the Boot reservations. A rejected free changes nothing, is counted and is
// reported with its address (MemoryFaultReport); it never panics.
// SMP: one spinlock (s_lock) in Allocate and Free, innermost but for the
// console's (KernelHeap's lock is taken before it), with interrupts disabled
// while held. Boot reservations run on the boot CPU before any other starts.

using KernelStress.Kernel.Sync;

namespace KernelStress.Kernel.Memory
{
    internal static unsafe class PageAllocator
    {
        public const nuint PageSize = 4096;
        private const int PageShift = 12;

        private static SpinLock s_lock;
        private static ulong* s_taken;
        private static byte* s_owner;
        private static ulong s_firstFrame;
        private static ulong s_frameCount;
        private static ulong s_searchFrom;

        private static ulong s_totalPages;
        private static ulong s_freePages;
        private static ulong s_bootPages;
        private static ulong s_peakUsedPages;
        private static ulong s_failedAllocations;
        private static ulong s_doubleFrees;
        private static ulong s_foreignFrees;

        public static ulong TotalPages => s_totalPages;
        public static ulong FreePages => s_freePages;
        public static ulong UsedPages => s_totalPages - s_freePages;
        public static ulong PeakUsedPages => s_peakUsedPages;
        // Of the used pages, those reserved for good at boot.
        public static ulong BootPages => s_bootPages;
        public static ulong FailedAllocations => s_failedAllocations;
        public static ulong DoubleFrees => s_doubleFrees;
        public static ulong ForeignFrees => s_foreignFrees;

        // Builds the tables from PhysicalMemoryMap. Runs before statics exist;
        // a machine without usable RAM cannot go on.
        public static void Initialize()
        {
            int regions = PhysicalMemoryMap.Count;
            if (regions == 0)
                Panic.Halt("memory"u8, "the boot memory map has no usable RAM above the image"u8);
            s_firstFrame = PhysicalMemoryMap.Region(0).Start >> PageShift;
            s_frameCount = (PhysicalMemoryMap.Region(regions - 1).End >> PageShift) - s_firstFrame;
            ulong bitmapBytes = (s_frameCount + 63) / 64 * 8;
            ulong tableBytes = bitmapBytes + s_frameCount;
            ulong tablePages = (tableBytes + PageSize - 1) >> PageShift;

            ulong tables = 0;
            for (int i = 0; i < regions && tables == 0; i++)
            {
                if (PhysicalMemoryMap.Region(i).Length >= tablePages << PageShift)
                    tables = PhysicalMemoryMap.Region(i).Start;
            }
            if (tables == 0)
                Panic.Halt("memory"u8, "no usable RAM region can hold the page allocator's tables"u8);
            s_taken = (ulong*)tables;
            s_owner = (byte*)(tables + bitmapBytes);

            for (ulong word = 0; word < bitmapBytes / 8; word++)
                s_taken[word] = ulong.MaxValue;
            for (ulong frame = 0; frame < s_frameCount; frame++)
                s_owner[frame] = (byte)PageOwner.NotRam;
            for (int i = 0; i < regions; i++)
            {
                MemoryRegion region = PhysicalMemoryMap.Region(i);
                ulong first = (region.Start >> PageShift) - s_firstFrame;
                ulong end = (region.End >> PageShift) - s_firstFrame;
                for (ulong frame = first; frame < end; frame++)
                {
                    s_taken[frame >> 6] &= ~(1UL << (int)(frame & 63));
                    s_owner[frame] = (byte)PageOwner.Free;
                }
                s_totalPages += end - first;
            }
            s_freePages = s_totalPages;
            s_searchFrom = 0;
            if (ReserveAtBoot(tablePages) != tables)
                Panic.Halt("memory"u8, "the page allocator's tables did not land where they were placed"u8);
        }

        // Pages taken for good at boot; a boot that cannot have them cannot go on.
        public static nuint ReserveAtBoot(ulong pages)
        {
            nuint start = Allocate(pages, PageOwner.Boot);
            if (start == 0)
                Panic.Halt("memory"u8, "not enough RAM for a boot reservation"u8);
            s_bootPages += pages;
            return start;
        }

        // The physical (= identity-mapped virtual) address of `pages` contiguous
        // free pages now tagged `owner`, or 0 (counted) when no run is long enough.
        public static nuint Allocate(ulong pages, PageOwner owner)
        {
            bool interrupts = s_lock.Acquire();
            nuint start = AllocateLocked(pages, owner);
            s_lock.Release(interrupts);
            return start;
        }

        private static nuint AllocateLocked(ulong pages, PageOwner owner)
        {
            if (pages == 0 || pages > s_freePages || owner == PageOwner.Free || owner == PageOwner.NotRam)
            {
                s_failedAllocations++;
                return 0;
            }
            ulong firstFree = s_frameCount;
            ulong run = 0;
            ulong runStart = 0;
            ulong frame = s_searchFrom;
            while (frame < s_frameCount)
            {
                ulong word = s_taken[frame >> 6];
                int bit = (int)(frame & 63);
                if (bit == 0 && word == ulong.MaxValue)
                {
                    run = 0;
                    frame += 64;
                    continue;
                }
                if ((word >> bit & 1) != 0)
                {
                    run = 0;
                    frame++;
                    continue;
                }
                if (firstFree == s_frameCount)
                    firstFree = frame;
                if (run == 0)
                    runStart = frame;
                // A whole free word counts 64 at once (bits past the range are set, so
                // such a word lies inside it).
                ulong step = bit == 0 && word == 0 && pages - run >= 64 ? 64UL : 1UL;
                run += step;
                frame += step;
                if (run == pages)
                {
                    Take(runStart, pages, owner);
                    s_searchFrom = firstFree == runStart ? runStart + pages : firstFree;
                    return (nuint)((s_firstFrame + runStart) << PageShift);
                }
            }
            s_searchFrom = firstFree;
            s_failedAllocations++;
            return 0;
        }

        // Gives back `pages` pages from `address`, which `owner` must hold, all of them.
        public static FreeStatus Free(nuint address, ulong pages, PageOwner owner)
        {
            bool interrupts = s_lock.Acquire();
            FreeStatus status = FreeLocked(address, pages, owner);
            s_lock.Release(interrupts);
            return status;
        }

        private static FreeStatus FreeLocked(nuint address, ulong pages, PageOwner owner)
        {
            FreeStatus status = Check(address, pages, owner);
            if (status != FreeStatus.Freed)
            {
                if (status == FreeStatus.DoubleFree)
                    s_doubleFrees++;
                else
                    s_foreignFrees++;
                MemoryFaultReport.Rejected("page"u8, address, status);
                return status;
            }
            ulong first = ((ulong)address >> PageShift) - s_firstFrame;
            for (ulong frame = first; frame < first + pages; frame++)
            {
                s_taken[frame >> 6] &= ~(1UL << (int)(frame & 63));
                s_owner[frame] = (byte)PageOwner.Free;
            }
            s_freePages += pages;
            if (first < s_searchFrom)
                s_searchFrom = first;
            return FreeStatus.Freed;
        }

        // The owner of the page holding `address`; NotRam outside the allocator's range.
        public static PageOwner OwnerOf(nuint address)
        {
            ulong frame = (ulong)address >> PageShift;
            if (frame < s_firstFrame || frame - s_firstFrame >= s_frameCount)
                return PageOwner.NotRam;
            return (PageOwner)s_owner[frame - s_firstFrame];
        }

        private static FreeStatus Check(nuint address, ulong pages, PageOwner owner)
        {
            ulong frame = (ulong)address >> PageShift;
            if (((ulong)address & (PageSize - 1)) != 0 || pages == 0 || frame < s_firstFrame
                || frame - s_firstFrame >= s_frameCount || pages > s_frameCount - (frame - s_firstFrame))
                return FreeStatus.Foreign;
            ulong first = frame - s_firstFrame;
            for (ulong i = first; i < first + pages; i++)
            {
                var tag = (PageOwner)s_owner[i];
                if (tag == PageOwner.Free)
                    return FreeStatus.DoubleFree;
                if (tag != owner || owner == PageOwner.Boot)
                    return FreeStatus.Foreign;
            }
            return FreeStatus.Freed;
        }

        private static void Take(ulong first, ulong pages, PageOwner owner)
        {
            for (ulong frame = first; frame < first + pages; frame++)
            {
                s_taken[frame >> 6] |= 1UL << (int)(frame & 63);
                s_owner[frame] = (byte)owner;
            }
            s_freePages -= pages;
            if (UsedPages > s_peakUsedPages)
                s_peakUsedPages = UsedPages;
        }
    }
}
