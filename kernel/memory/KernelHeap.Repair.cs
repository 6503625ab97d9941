// Repairing a small block's header after a stray write: Free refuses a block
// whose header does not verify (and changes nothing); its owner may then ask
// RepairHeader to rebuild the header from what the slab itself knows, which
// the stray write did not touch: the slab header (its own canary), the slot
// geometry (the block must start a slot) and the free list (the slot must not
// be on it, so the block is allocated). Then the block frees normally. A
// large block is never repaired: its neighbours' boundary tags are what a
// damaged header would be checked against, so nothing independent vouches.
// RepairsEnabled is a test-only switch (stresstest chaos --sabotage heap_corruption).
namespace KernelStress.Kernel.Memory
{
    internal static unsafe partial class KernelHeap
    {
        private static ulong s_headersRepaired;

        public static bool RepairsEnabled = true;

        public static ulong HeadersRepaired => s_headersRepaired;

        // Reseals the header of the allocated small block at `address` from its slab; false when the slab cannot vouch for it.
        public static bool RepairHeader(nuint address)
        {
            if (!RepairsEnabled || (address & (HeaderSize - 1)) != 0)
                return false;
            bool interrupts = s_lock.Acquire();
            var header = (Header*)(address - HeaderSize);
            Slab* slab = SlabHolding((nuint)header);
            bool repaired = false;
            if (slab != null)
            {
                nuint offset = (nuint)header - (nuint)slab;
                nuint stride = HeaderSize + SizeClassBytes((int)slab->ClassIndex);
                bool startsSlot = offset >= SlabHeaderSize && (offset - SlabHeaderSize) % stride == 0
                    && (offset - SlabHeaderSize) / stride < slab->Capacity;
                if (startsSlot && !OnFreeList(slab, header))
                {
                    Seal(header, KindSmall << (int)KindShift | (ulong)offset << 32 | SizeClassBytes((int)slab->ClassIndex), AllocatedState);
                    s_headersRepaired++;
                    repaired = true;
                }
            }
            s_lock.Release(interrupts);
            return repaired;
        }

        // Lock held: the slab whose pages hold `address`, found by its header's canary at a page base at or below it.
        private static Slab* SlabHolding(nuint address)
        {
            nuint page = address & ~(PageAllocator.PageSize - 1);
            nuint largestSlab = SlabHeaderSize + MinBlocksPerSlab * (HeaderSize + MaxSmallSize) + PageAllocator.PageSize;
            for (nuint back = 0; back < largestSlab; back += PageAllocator.PageSize)
            {
                nuint candidate = page - back;
                if (PageAllocator.OwnerOf(candidate) != PageOwner.HeapSlab)
                    return null;
                var slab = (Slab*)candidate;
                if (slab->Canary == (CanarySecret ^ (ulong)candidate ^ SlabState) && slab->ClassIndex < SizeClassCount
                    && address < candidate + slab->Pages * PageAllocator.PageSize)
                    return slab;
            }
            return null;
        }

        // Lock held: whether `header` is on the slab's free list (walked at most Capacity steps).
        private static bool OnFreeList(Slab* slab, Header* header)
        {
            Header* next = slab->FreeList;
            for (uint i = 0; next != null && i <= slab->Capacity; i++)
            {
                if (next == header)
                    return true;
                next = *(Header**)(next + 1);
            }
            return next != null;
        }
    }
}
