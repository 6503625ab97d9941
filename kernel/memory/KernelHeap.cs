// The kernel heap (kmalloc/kfree): blocks of any size and power-of-two alignment
// up to a page, built on PageAllocator and growing with what it has (so with
// QEMU's -m). Workloads allocate here on purpose; managed objects do not (they
// come from ManagedHeap).
//  - Small blocks (<= 2048 bytes, alignment <= 16): size classes 16..2048, each
//    served from slabs carved from page runs (KernelHeap.Slabs.cs).
//  - Everything else: arenas of pages holding boundary-tagged blocks, free ones
//    in size bins searched first fit, coalescing neighbours on free
//    (KernelHeap.Arenas.cs).
// Every block starts with a 16-byte header {info, canary}; the payload follows,
// 16-byte aligned. canary = secret ^ header address ^ info ^ state, so a header
// that was overwritten, copied, or is not a header at all does not match, and
// the state (allocated/free) tells a double free. Free(address) checks, in order:
// 16-byte alignment and a page the heap owns (else Foreign), the canary (else
// DoubleFree or CorruptHeader); a rejected free changes nothing, is counted and
// reported with its address, and never panics. Exhaustion returns 0 (counted).
// DoubleFreeChecks is a test-only switch (stresstest chaos --sabotage
// memory_release): off, a double free is no longer told apart and is refused
// as a corrupt header instead (the refusal itself stays, so the heap stays sound).
// Empty slabs and arenas go back to the page allocator at once, so a command
// that frees what it allocated leaves HeldBytes and free pages where they were.
// SMP: one spinlock (s_lock) around Allocate and Free, taken before
// PageAllocator's (lock order: heap, then pages, then the console's for a
// rejected-free report), with interrupts disabled while held, so an interrupt
// handler could allocate too (none does).
using KernelStress.Kernel.Sync;

namespace KernelStress.Kernel.Memory
{
    internal static unsafe partial class KernelHeap
    {
        public const nuint HeaderSize = 16;
        public const nuint MaxAlignment = PageAllocator.PageSize;
        // Far beyond any RAM the identity map covers: rejects sizes that would overflow.
        private const ulong MaxSize = 1UL << 36;

        private const ulong CanarySecret = 0x6B5F6865_61705F21;
        private const ulong AllocatedState = 0xA110CA7E_D0000000;
        private const ulong FreeState = 0xF4EEB10C_00000000;
        private const ulong KindShift = 62;
        private const ulong KindSmall = 1;
        private const ulong KindLarge = 2;

        private struct Header
        {
            public ulong Info;
            public ulong Canary;
        }

        private static SpinLock s_lock;
        private static ulong s_heldPages;
        private static ulong s_inUseBytes;
        private static ulong s_peakInUseBytes;
        private static ulong s_failedAllocations;
        private static ulong s_doubleFrees;
        private static ulong s_foreignFrees;
        private static ulong s_corruptHeaders;

        // Bytes of pages the heap holds from the page allocator.
        public static ulong HeldBytes => s_heldPages * PageAllocator.PageSize;
        // Payload bytes handed out and not yet freed (whole size-class or block payloads).
        public static ulong InUseBytes => s_inUseBytes;
        public static ulong PeakInUseBytes => s_peakInUseBytes;
        public static ulong FailedAllocations => s_failedAllocations;
        public static ulong DoubleFrees => s_doubleFrees;
        public static ulong ForeignFrees => s_foreignFrees;
        public static ulong CorruptHeaders => s_corruptHeaders;
        public static ulong CorruptionsDetected => s_doubleFrees + s_foreignFrees + s_corruptHeaders;

        public static bool DoubleFreeChecks = true;

        // A block of at least `size` bytes aligned to `alignment` (a power of two up
        // to a page; 0 means 16), or 0 when the request is invalid or memory is out.
        public static nuint Allocate(nuint size, nuint alignment)
        {
            bool interrupts = s_lock.Acquire();
            nuint block = AllocateLocked(size, alignment);
            s_lock.Release(interrupts);
            return block;
        }

        private static nuint AllocateLocked(nuint size, nuint alignment)
        {
            if (alignment < HeaderSize)
                alignment = HeaderSize;
            if ((alignment & (alignment - 1)) != 0 || alignment > MaxAlignment || (ulong)size > MaxSize)
            {
                s_failedAllocations++;
                return 0;
            }
            if (size == 0)
                size = 1;
            nuint block = size <= MaxSmallSize && alignment == HeaderSize
                ? AllocateSmall(size)
                : AllocateLarge(size, alignment);
            if (block == 0)
                s_failedAllocations++;
            return block;
        }

        // Gives a block back. Free(0) does nothing and returns Freed, as kfree(NULL).
        public static FreeStatus Free(nuint address)
        {
            if (address == 0)
                return FreeStatus.Freed;
            bool interrupts = s_lock.Acquire();
            FreeStatus status = FreeLocked(address);
            s_lock.Release(interrupts);
            return status;
        }

        private static FreeStatus FreeLocked(nuint address)
        {
            FreeStatus status = FreeChecked(address);
            if (status == FreeStatus.Freed)
                return status;
            if (status == FreeStatus.DoubleFree)
                s_doubleFrees++;
            else if (status == FreeStatus.Foreign)
                s_foreignFrees++;
            else
                s_corruptHeaders++;
            MemoryFaultReport.Rejected("heap"u8, address, status);
            return status;
        }

        private static FreeStatus FreeChecked(nuint address)
        {
            if ((address & (HeaderSize - 1)) != 0)
                return FreeStatus.Foreign;
            Header* header = (Header*)(address - HeaderSize);
            PageOwner owner = PageAllocator.OwnerOf((nuint)header);
            if ((owner != PageOwner.HeapSlab && owner != PageOwner.HeapArena) || PageAllocator.OwnerOf(address) != owner)
                return FreeStatus.Foreign;
            if (DoubleFreeChecks && header->Canary == Canary(header, header->Info, FreeState))
                return FreeStatus.DoubleFree;
            if (header->Canary != Canary(header, header->Info, AllocatedState))
                return FreeStatus.CorruptHeader;
            ulong kind = header->Info >> (int)KindShift;
            if (owner == PageOwner.HeapSlab && kind == KindSmall)
                return FreeSmall(header);
            if (owner == PageOwner.HeapArena && kind == KindLarge)
                return FreeLarge(header);
            return FreeStatus.CorruptHeader;
        }

        private static ulong Canary(Header* header, ulong info, ulong state) =>
            CanarySecret ^ (ulong)header ^ info ^ state;

        private static void Seal(Header* header, ulong info, ulong state)
        {
            header->Info = info;
            header->Canary = Canary(header, info, state);
        }

        private static bool IsSealed(Header* header, ulong state) =>
            header->Canary == Canary(header, header->Info, state);

        private static void CountAllocated(ulong bytes)
        {
            s_inUseBytes += bytes;
            if (s_inUseBytes > s_peakInUseBytes)
                s_peakInUseBytes = s_inUseBytes;
        }

        private static nuint TakePages(ulong pages, PageOwner owner)
        {
            nuint start = PageAllocator.Allocate(pages, owner);
            if (start != 0)
                s_heldPages += pages;
            return start;
        }

        private static void GivePages(nuint start, ulong pages, PageOwner owner)
        {
            if (PageAllocator.Free(start, pages, owner) != FreeStatus.Freed)
                Panic.Halt("heap"u8, "the page allocator refused pages the heap held (heap bookkeeping is broken)"u8);
            s_heldPages -= pages;
        }
    }
}
