// AArch64 twin of arch/Paging.cs. arch/arm64/boot.s identity-maps 4 GiB with
// 2 MiB blocks (a level 1 table whose first four entries point to level 2
// tables). Initialize builds a copy of those tables in which every 2 MiB block
// that overlaps usable RAM is replaced by a level 3 table of 512 4 KiB pages
// mapping the same frames with the same attributes (one page of tables per
// 2 MiB, 1/512 of RAM, reserved at boot), then switches TTBR0_EL1 to the copy.
// Replacing a live block entry in place would need break-before-make (the
// block unmapped first), impossible for the block the kernel runs in; a new
// root that maps everything the same way needs only a full TLB flush.
// SetGuard then flips one level 3 entry's valid bit and invalidates that page.
// Runs on one CPU; the TLB invalidation is broadcast (inner shareable) already.
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Paging
    {
        private const ulong Valid = 1UL << 0;
        private const ulong TypeMask = 3;
        private const ulong Table = 3;        // at levels 1 and 2; a level 3 page uses the same encoding
        private const ulong Block = 1;
        // Lower (bits 11:2) and upper (63:52) attributes: a page inherits its block's.
        private const ulong AttributeMask = 0xFFF0_0000_0000_0FFC;
        private const ulong AddressMask = 0x0000_FFFF_FFFF_F000;
        private const nuint BlockSize = 2 * 1024 * 1024;
        private const int Entries = 512;
        // Level 1 entries that boot.s points at level 2 tables (the 4 GiB map).
        private const int MappedGigabytes = 4;

        public static partial void Initialize()
        {
            ulong* bootRoot = (ulong*)(ks_read_ttbr0() & AddressMask);
            ulong* root = NewTable();
            for (int i = 0; i < Entries; i++)
                root[i] = bootRoot[i];
            for (int i = 0; i < MappedGigabytes; i++)
            {
                ulong* directory = NewTable();
                ulong* bootDirectory = (ulong*)(bootRoot[i] & AddressMask);
                for (int j = 0; j < Entries; j++)
                    directory[j] = bootDirectory[j];
                root[i] = (ulong)directory | Table;
            }
            for (int i = 0; i < PhysicalMemoryMap.Count; i++)
            {
                MemoryRegion region = PhysicalMemoryMap.Region(i);
                nuint start = (nuint)region.Start & ~(BlockSize - 1);
                for (nuint address = start; address < (nuint)region.End; address += BlockSize)
                    Split(DirectoryEntry(root, address));
            }
            ks_switch_ttbr0((nuint)root);
        }

        public static partial void SetGuard(nuint page, bool guarded)
        {
            ulong* entry = PageEntry(page);
            if (entry == null)
                Panic.Halt("paging"u8, "a guard page was asked for outside the 4 KiB-mapped RAM"u8);
            *entry = guarded ? *entry & ~Valid : *entry | Valid;
            ks_page_entry_changed(page);
        }

        // The MMU's own answer (AT S1E1R), so guard pages and the map's edges count.
        public static partial bool IsMapped(nuint address) => ks_is_mapped(address);

        private static ulong* NewTable() => (ulong*)PageAllocator.ReserveAtBoot(1);

        private static ulong* DirectoryEntry(ulong* root, nuint address)
        {
            ulong* directory = (ulong*)(root[(address >> 30) & 511] & AddressMask);
            return directory + ((address >> 21) & 511);
        }

        private static void Split(ulong* directoryEntry)
        {
            ulong block = *directoryEntry;
            if ((block & TypeMask) != Block)
                return;
            ulong* table = NewTable();
            ulong frame = block & AddressMask & ~(ulong)(BlockSize - 1);
            for (ulong i = 0; i < Entries; i++)
                table[i] = (frame + i * PageAllocator.PageSize) | (block & AttributeMask) | Table;
            *directoryEntry = (ulong)table | Table;
        }

        // The level 3 entry mapping `page`, or null where a block maps it.
        private static ulong* PageEntry(nuint page)
        {
            ulong directory = *DirectoryEntry((ulong*)(ks_read_ttbr0() & AddressMask), page);
            if ((directory & TypeMask) != Table)
                return null;
            return (ulong*)(directory & AddressMask) + ((page >> 12) & 511);
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_ttbr0")]
        private static extern nuint ks_read_ttbr0();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_switch_ttbr0")]
        private static extern void ks_switch_ttbr0(nuint root);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_is_mapped")]
        private static extern bool ks_is_mapped(nuint address);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_page_entry_changed")]
        private static extern void ks_page_entry_changed(nuint page);
    }
}
