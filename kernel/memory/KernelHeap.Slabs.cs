// KernelHeap's small blocks: eight size classes, 16 << i bytes for i = 0..7
// (16..2048). A slab is a run of pages tagged HeapSlab: a 64-byte slab header
// at the page-aligned base, then `Capacity` blocks of (16-byte header + class
// size), enough pages for at least eight blocks. A free block's header is
// sealed Free and its payload's first word links the slab's free list.
// Each class keeps a list of its partial slabs (at least one free block); a full
// slab is on no list, and a slab whose last block is freed goes back to the page
// allocator at once (no empty-slab cache yet: exact accounting over speed).
// Small headers' info: kind Small << 62 | offset of the header from the slab
// base << 32 | class size, so Free finds and checks the slab from the block.
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Memory
{
    internal static unsafe partial class KernelHeap
    {
        public const int SizeClassCount = 8;
        public const nuint MaxSmallSize = MinSmallSize << (SizeClassCount - 1);
        private const nuint MinSmallSize = 16;
        private const nuint SlabHeaderSize = 64;
        private const nuint MinBlocksPerSlab = 8;
        private const ulong SlabState = 0x51AB51AB_00000000;

        private struct Slab
        {
            public ulong Canary;
            public Slab* Next;
            public Slab* Prev;
            public Header* FreeList;
            public uint ClassIndex;
            public uint Capacity;
            public uint Live;
            public uint Pages;
        }

        private struct SizeClass
        {
            public Slab* Partial;
            public ulong Live;
            public ulong Allocations;
            public ulong Slabs;
        }

        [InlineArray(SizeClassCount)]
        private struct SizeClassTable
        {
            private SizeClass _class;
        }

        private static SizeClassTable s_classes;

        public static nuint SizeClassBytes(int index) => MinSmallSize << index;

        public static ulong SizeClassLive(int index) => Class(index)->Live;

        public static ulong SizeClassAllocations(int index) => Class(index)->Allocations;

        public static ulong SizeClassSlabs(int index) => Class(index)->Slabs;

        // Bytes of free blocks in the partial slabs of every class.
        public static ulong SlabFreeBytes
        {
            get
            {
                ulong free = 0;
                bool interrupts = s_lock.Acquire();
                for (int i = 0; i < SizeClassCount; i++)
                {
                    for (Slab* slab = Class(i)->Partial; slab != null; slab = slab->Next)
                        free += (ulong)(slab->Capacity - slab->Live) * SizeClassBytes(i);
                }
                s_lock.Release(interrupts);
                return free;
            }
        }

        private static SizeClass* Class(int index)
        {
            fixed (SizeClassTable* table = &s_classes)
                return (SizeClass*)table + index;
        }

        private static nuint AllocateSmall(nuint size)
        {
            int index = 0;
            while (SizeClassBytes(index) < size)
                index++;
            SizeClass* sizeClass = Class(index);
            Slab* slab = sizeClass->Partial;
            if (slab == null)
            {
                slab = NewSlab(index);
                if (slab == null)
                    return 0;
            }
            Header* header = slab->FreeList;
            slab->FreeList = *(Header**)(header + 1);
            slab->Live++;
            if (slab->FreeList == null)
                Unlink(sizeClass, slab);
            Seal(header, header->Info, AllocatedState);
            sizeClass->Live++;
            sizeClass->Allocations++;
            CountAllocated(SizeClassBytes(index));
            return (nuint)(header + 1);
        }

        private static Slab* NewSlab(int index)
        {
            nuint stride = HeaderSize + SizeClassBytes(index);
            ulong pages = (SlabHeaderSize + MinBlocksPerSlab * stride + PageAllocator.PageSize - 1) / PageAllocator.PageSize;
            nuint start = TakePages(pages, PageOwner.HeapSlab);
            if (start == 0)
                return null;
            var slab = (Slab*)start;
            slab->Canary = CanarySecret ^ start ^ SlabState;
            slab->ClassIndex = (uint)index;
            slab->Pages = (uint)pages;
            slab->Capacity = (uint)((pages * PageAllocator.PageSize - SlabHeaderSize) / stride);
            slab->Live = 0;
            slab->FreeList = null;
            for (nuint i = slab->Capacity; i > 0; i--)
            {
                nuint offset = SlabHeaderSize + (i - 1) * stride;
                var header = (Header*)(start + offset);
                Seal(header, KindSmall << (int)KindShift | (ulong)offset << 32 | SizeClassBytes(index), FreeState);
                *(Header**)(header + 1) = slab->FreeList;
                slab->FreeList = header;
            }
            SizeClass* sizeClass = Class(index);
            Link(sizeClass, slab);
            sizeClass->Slabs++;
            return slab;
        }

        private static FreeStatus FreeSmall(Header* header)
        {
            nuint offset = (nuint)(header->Info >> 32) & 0x3FFF_FFFF;
            var slab = (Slab*)((nuint)header - offset);
            if (((nuint)slab & (PageAllocator.PageSize - 1)) != 0 || PageAllocator.OwnerOf((nuint)slab) != PageOwner.HeapSlab
                || slab->Canary != (CanarySecret ^ (ulong)slab ^ SlabState) || slab->ClassIndex >= SizeClassCount
                || (header->Info & 0xFFFF_FFFF) != SizeClassBytes((int)slab->ClassIndex))
                return FreeStatus.CorruptHeader;
            int index = (int)slab->ClassIndex;
            SizeClass* sizeClass = Class(index);
            bool wasFull = slab->FreeList == null;
            Seal(header, header->Info, FreeState);
            *(Header**)(header + 1) = slab->FreeList;
            slab->FreeList = header;
            slab->Live--;
            sizeClass->Live--;
            s_inUseBytes -= SizeClassBytes(index);
            if (slab->Live == 0)
            {
                if (!wasFull)
                    Unlink(sizeClass, slab);
                sizeClass->Slabs--;
                slab->Canary = 0;
                GivePages((nuint)slab, slab->Pages, PageOwner.HeapSlab);
            }
            else if (wasFull)
            {
                Link(sizeClass, slab);
            }
            return FreeStatus.Freed;
        }

        private static void Link(SizeClass* sizeClass, Slab* slab)
        {
            slab->Prev = null;
            slab->Next = sizeClass->Partial;
            if (slab->Next != null)
                slab->Next->Prev = slab;
            sizeClass->Partial = slab;
        }

        private static void Unlink(SizeClass* sizeClass, Slab* slab)
        {
            if (slab->Prev != null)
                slab->Prev->Next = slab->Next;
            else
                sizeClass->Partial = slab->Next;
            if (slab->Next != null)
                slab->Next->Prev = slab->Prev;
            slab->Next = null;
            slab->Prev = null;
        }
    }
}
