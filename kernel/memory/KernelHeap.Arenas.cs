// KernelHeap's large blocks (and any block aligned past 16): arenas of at least
// 16 pages tagged HeapArena, each a 32-byte arena header, then blocks tiling it,
// then a 16-byte sentinel header (size 0, sealed allocated) at the end.
// Blocks carry boundary tags: info = kind Large << 62 | First (the arena's first
// block) | PrevFree (the block before is free) | block size (header included,
// a multiple of 16). A free block also holds its free-list links at the start of
// its payload and its size in its last 8 bytes (the footer), so a freed block
// merges with a free neighbour on either side at once: two free blocks are never
// adjacent. Free blocks are kept in bins by size (bin k: 2^k to 2^(k+1) - 1
// bytes), each list newest first; a search starts at the bin of the size asked
// for and goes up, first fit, so it never walks the small fragments that cannot
// hold the request (with one list it walked all of them, with interrupts off, on
// every allocation: seconds per call once a stress run had fragmented the heap).
// An allocation splits off an alignment gap before and any remainder after when
// each can form a block of its own. When a free leaves an arena as one free
// block, the arena's pages go back.
// A neighbour whose header does not check out, or a free neighbour whose list
// links do not point back at it, is never merged: the free is rejected
// (CorruptHeader) and the neighbour reported.
namespace KernelStress.Kernel.Memory
{
    internal static unsafe partial class KernelHeap
    {
        // What an arena spends on itself: its header, one block header and the sentinel.
        // An arena of N pages holds one block of N * PageSize - ArenaOverheadBytes bytes.
        public const nuint ArenaOverheadBytes = ArenaHeaderSize + 2 * HeaderSize;
        private const nuint ArenaHeaderSize = 32;
        private const ulong ArenaMinPages = 16;
        // A free block holds a header, two links and a footer.
        private const nuint MinLargeBlock = 48;
        private const ulong ArenaState = 0xA7E4A000_00000000;
        private const ulong FirstFlag = 1UL << 41;
        private const ulong PrevFreeFlag = 1UL << 40;
        private const ulong SizeMask = (1UL << 40) - 1;

        private struct Arena
        {
            public ulong Canary;
            public Arena* Next;
            public Arena* Prev;
            public ulong Pages;
        }

        // Sizes are below 2^40 (SizeMask), so a size's bin, its log2, is below 40.
        private const int LargeBins = 40;

        [System.Runtime.CompilerServices.InlineArray(LargeBins)]
        private struct FreeBins
        {
            private nuint _head;
        }

        private static Arena* s_arenas;
        private static FreeBins s_freeBins;
        private static ulong s_arenaCount;
        private static ulong s_largeLive;
        private static ulong s_largeAllocations;

        public static ulong ArenaCount => s_arenaCount;
        public static ulong LargeLive => s_largeLive;
        public static ulong LargeAllocations => s_largeAllocations;

        // Free payload bytes in the arenas, and the largest single free payload
        // (up to the first damaged link, if the list is damaged).
        public static void LargeFreeBytes(out ulong total, out ulong largest)
        {
            total = 0;
            largest = 0;
            bool interrupts = s_lock.Acquire();
            for (int bin = 0; bin < LargeBins; bin++)
            {
                Header* previous = null;
                for (Header* block = *BinHead(bin); block != null && ListedAfter(block, previous); previous = block, block = FreeNext(block))
                {
                    ulong payload = Size(block) - HeaderSize;
                    total += payload;
                    if (payload > largest)
                        largest = payload;
                }
            }
            s_lock.Release(interrupts);
        }

        private static nuint AllocateLarge(nuint size, nuint alignment)
        {
            nuint need = (size + HeaderSize - 1) & ~(HeaderSize - 1);
            nuint blockSize = need + HeaderSize < MinLargeBlock ? MinLargeBlock : need + HeaderSize;
            for (int bin = BinOf(blockSize); bin < LargeBins; bin++)
            {
                Header* previous = null;
                for (Header* block = *BinHead(bin); block != null; previous = block, block = FreeNext(block))
                {
                    if (!IsSealed(block, FreeState) || !ListedAfter(block, previous))
                    {
                        // The list itself cannot be trusted past this block (a walk on would loop).
                        s_corruptHeaders++;
                        MemoryFaultReport.Damaged("heap free block"u8, (nuint)block);
                        return 0;
                    }
                    nuint payload = Carve(block, blockSize, alignment);
                    if (payload != 0)
                        return payload;
                }
            }
            nuint slack = alignment > HeaderSize ? alignment + MinLargeBlock : 0;
            ulong pages = (ArenaOverheadBytes - HeaderSize + blockSize + slack + PageAllocator.PageSize - 1) / PageAllocator.PageSize;
            Header* first = NewArena(pages < ArenaMinPages ? ArenaMinPages : pages);
            if (first == null)
                return 0;
            nuint fresh = Carve(first, blockSize, alignment);
            if (fresh == 0)
                Panic.Halt("heap"u8, "a new arena sized for the request could not hold it"u8);
            return fresh;
        }

        // Takes blockSize bytes at the requested alignment out of the free block, or returns 0.
        private static nuint Carve(Header* block, nuint blockSize, nuint alignment)
        {
            nuint start = (nuint)block;
            nuint size = (nuint)Size(block);
            nuint payload = AlignUp(start + HeaderSize, alignment);
            if (payload - HeaderSize != start && payload - HeaderSize - start < MinLargeBlock)
                payload = AlignUp(start + HeaderSize + MinLargeBlock, alignment);
            nuint gap = payload - HeaderSize - start;
            if (gap + blockSize > size)
                return 0;
            RemoveFree(block);
            ulong first = block->Info & FirstFlag;
            ulong prevFree = 0;
            if (gap != 0)
            {
                MakeFree(block, gap, first);
                InsertFree(block);
                first = 0;
                prevFree = PrevFreeFlag;
            }
            var taken = (Header*)(payload - HeaderSize);
            nuint rest = size - gap - blockSize;
            if (rest >= MinLargeBlock)
            {
                var tail = (Header*)((nuint)taken + blockSize);
                MakeFree(tail, rest, 0);
                InsertFree(tail);
            }
            else
            {
                blockSize += rest;
                SetPrevFree((Header*)((nuint)taken + blockSize), false);
            }
            Seal(taken, KindLarge << (int)KindShift | first | prevFree | blockSize, AllocatedState);
            s_largeLive++;
            s_largeAllocations++;
            CountAllocated(blockSize - HeaderSize);
            return payload;
        }

        private static FreeStatus FreeLarge(Header* block)
        {
            ulong size = Size(block);
            if (size < MinLargeBlock)
                return FreeStatus.Foreign;
            var next = (Header*)((nuint)block + size);
            bool nextFree = IsSealed(next, FreeState);
            if (nextFree ? !Listed(next) : !IsSealed(next, AllocatedState))
            {
                MemoryFaultReport.Damaged("heap block header after the freed block"u8, (nuint)next);
                return FreeStatus.CorruptHeader;
            }
            Header* previous = null;
            if ((block->Info & PrevFreeFlag) != 0)
            {
                ulong previousSize = *((ulong*)block - 1);
                previous = (Header*)((nuint)block - previousSize);
                if (previousSize < MinLargeBlock || (previousSize & (HeaderSize - 1)) != 0 || previousSize > (ulong)block
                    || PageAllocator.OwnerOf((nuint)previous) != PageOwner.HeapArena
                    || !IsSealed(previous, FreeState) || Size(previous) != previousSize || !Listed(previous))
                {
                    MemoryFaultReport.Damaged("heap block footer or header before the freed block"u8, (nuint)block - 8);
                    return FreeStatus.CorruptHeader;
                }
            }

            s_largeLive--;
            s_inUseBytes -= size - HeaderSize;
            // Sealed free even if it merges into the block before: a second free of
            // this address must read as a double free, never as a live block.
            Seal(block, block->Info, FreeState);
            ulong first = block->Info & FirstFlag;
            if (nextFree)
            {
                RemoveFree(next);
                size += Size(next);
            }
            if (previous != null)
            {
                RemoveFree(previous);
                first = previous->Info & FirstFlag;
                size += Size(previous);
                block = previous;
            }
            var after = (Header*)((nuint)block + size);
            if (first != 0 && Size(after) == 0 && ReleaseArena((Arena*)((nuint)block - ArenaHeaderSize)))
                return FreeStatus.Freed;
            MakeFree(block, (nuint)size, first);
            SetPrevFree(after, true);
            InsertFree(block);
            return FreeStatus.Freed;
        }

        private static Header* NewArena(ulong pages)
        {
            nuint start = TakePages(pages, PageOwner.HeapArena);
            if (start == 0)
                return null;
            var arena = (Arena*)start;
            arena->Canary = CanarySecret ^ start ^ ArenaState;
            arena->Pages = pages;
            arena->Prev = null;
            arena->Next = s_arenas;
            if (s_arenas != null)
                s_arenas->Prev = arena;
            s_arenas = arena;
            s_arenaCount++;
            nuint end = start + (nuint)(pages * PageAllocator.PageSize);
            var sentinel = (Header*)(end - HeaderSize);
            Seal(sentinel, KindLarge << (int)KindShift | PrevFreeFlag, AllocatedState);
            var first = (Header*)(start + ArenaHeaderSize);
            MakeFree(first, end - HeaderSize - (nuint)first, FirstFlag);
            InsertFree(first);
            return first;
        }

        // Gives an all-free arena's pages back; an arena whose header was overwritten
        // is reported and kept (its pages stay counted as held).
        private static bool ReleaseArena(Arena* arena)
        {
            if (arena->Canary != (CanarySecret ^ (ulong)arena ^ ArenaState))
            {
                s_corruptHeaders++;
                MemoryFaultReport.Damaged("heap arena header"u8, (nuint)arena);
                return false;
            }
            if (arena->Prev != null)
                arena->Prev->Next = arena->Next;
            else
                s_arenas = arena->Next;
            if (arena->Next != null)
                arena->Next->Prev = arena->Prev;
            s_arenaCount--;
            arena->Canary = 0;
            GivePages((nuint)arena, arena->Pages, PageOwner.HeapArena);
            return true;
        }

        private static ulong Size(Header* block) => block->Info & SizeMask;

        private static nuint AlignUp(nuint value, nuint alignment) => (value + alignment - 1) & ~(alignment - 1);

        // A free block: sealed Free, never after another free block, with its footer.
        private static void MakeFree(Header* block, nuint size, ulong first)
        {
            Seal(block, KindLarge << (int)KindShift | first | size, FreeState);
            *(ulong*)((nuint)block + size - 8) = size;
        }

        private static void SetPrevFree(Header* block, bool previousIsFree)
        {
            ulong state = IsSealed(block, FreeState) ? FreeState : AllocatedState;
            ulong info = previousIsFree ? block->Info | PrevFreeFlag : block->Info & ~PrevFreeFlag;
            Seal(block, info, state);
        }

        private static Header* FreeNext(Header* block) => ((Header**)(block + 1))[0];

        // A listed free block's neighbours point back at it, and it points back at
        // `previous` (null for the head). Checked before a block is walked past or
        // taken off the list, so a damaged list (a block inserted twice, a link
        // overwritten) is reported instead of walked in a loop or spliced into one:
        // a loop always breaks a back link, as the head's is null.
        private static bool ListedAfter(Header* block, Header* previous)
        {
            var links = (Header**)(block + 1);
            Header* next = links[0];
            return links[1] == previous
                && (previous == null ? *BinHead(BinOf((nuint)Size(block))) == block : FreeNext(previous) == block)
                && (next == null || ((Header**)(next + 1))[1] == block);
        }

        // The bin of a free block of `size` bytes (at least MinLargeBlock, below 2^40).
        private static int BinOf(nuint size) => System.Numerics.BitOperations.Log2((ulong)size);

        private static Header** BinHead(int bin)
        {
            fixed (FreeBins* bins = &s_freeBins)
                return (Header**)bins + bin;
        }

        private static bool Listed(Header* block) => ListedAfter(block, ((Header**)(block + 1))[1]);

        // Onto its size's bin, first. The block's size must be set (MakeFree) before.
        private static void InsertFree(Header* block)
        {
            Header** head = BinHead(BinOf((nuint)Size(block)));
            var links = (Header**)(block + 1);
            links[0] = *head;
            links[1] = null;
            if (*head != null)
                ((Header**)(*head + 1))[1] = block;
            *head = block;
        }

        // Off its bin: the block's size must still be the one it was inserted with.
        private static void RemoveFree(Header* block)
        {
            var links = (Header**)(block + 1);
            Header* next = links[0];
            Header* previous = links[1];
            if (previous != null)
                ((Header**)(previous + 1))[0] = next;
            else
                *BinHead(BinOf((nuint)Size(block))) = next;
            if (next != null)
                ((Header**)(next + 1))[1] = previous;
        }
    }
}
