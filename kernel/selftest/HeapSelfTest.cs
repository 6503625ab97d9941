// The kernel heap's checks, run inside the kernel only (`selftest heap`, after
// PageSelfTest's, printed as KTAP): round trips from 1 byte to 64 KiB, alignment, coalescing, exhaustion and
// recovery, and the detection of double frees, foreign pointers and overwritten
// headers. Every case frees what it allocated, so the runner's balance check
// (MemoryBalance) holds; the detection cases make the allocators print their
// "memory: ... rejected" lines on purpose. Cases allocate no managed object
// (stackalloc only), and keep their bookkeeping inside the blocks they allocate.
using System;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.SelfTest
{
    internal static unsafe class HeapSelfTest
    {
        private const nuint Page = PageAllocator.PageSize;

        // `selftest heap`: the page allocator's cases, then the heap's.
        private static readonly SelfTestCase[] s_cases = SelfTestCase.Join(PageSelfTest.Cases, new[]
        {
            new SelfTestCase("heap_round_trip_1b_to_64k"u8, &HeapRoundTrip),
            new SelfTestCase("heap_alignment"u8, &HeapAlignment),
            new SelfTestCase("heap_coalescing"u8, &HeapCoalescing),
            new SelfTestCase("heap_exhaustion_then_recovery"u8, &HeapExhaustionThenRecovery),
            new SelfTestCase("heap_double_free_detected"u8, &HeapDoubleFree),
            new SelfTestCase("heap_foreign_pointer_detected"u8, &HeapForeignPointer),
            new SelfTestCase("heap_overwritten_header_detected"u8, &HeapOverwrittenHeader),
            new SelfTestCase("heap_damaged_free_list_detected"u8, &HeapDamagedFreeList),
        });

        public static int Count => s_cases.Length;

        public static ReadOnlySpan<byte> Name(int index) => s_cases[index].Name.Span;

        public static bool Run(int index, out ReadOnlySpan<byte> reason) => SelfTestCase.Run(s_cases, index, out reason);

        private static bool HeapRoundTrip(ref ReadOnlySpan<byte> reason)
        {
            // 2^k - 1, 2^k and 2^k + 1 for k = 0..16, up to 64 KiB.
            Span<nuint> blocks = stackalloc nuint[64];
            Span<nuint> sizes = stackalloc nuint[64];
            int count = 0;
            for (int shift = 0; shift <= 16; shift++)
            {
                for (int delta = -1; delta <= 1; delta++)
                {
                    nuint size = (nuint)((1 << shift) + delta);
                    if (size == 0 || size > 65536 || (count > 0 && sizes[count - 1] == size))
                        continue;
                    sizes[count++] = size;
                }
            }
            bool ok = true;
            for (int i = 0; i < count; i++)
            {
                blocks[i] = KernelHeap.Allocate(sizes[i], 0);
                ok &= blocks[i] != 0 && blocks[i] % KernelHeap.HeaderSize == 0;
                if (blocks[i] != 0)
                    SelfTestMemory.Fill(blocks[i], sizes[i], (byte)(i * 31 + 7));
            }
            for (int i = 0; i < count && ok; i++)
                ok &= SelfTestMemory.Holds(blocks[i], sizes[i], (byte)(i * 31 + 7));
            bool freed = true;
            for (int i = 0; i < count; i++)
                freed &= KernelHeap.Free(blocks[i]) == FreeStatus.Freed;
            if (!ok)
                reason = "an allocation failed, was not 16-byte aligned, or overlapped another"u8;
            else if (!freed)
                reason = "a free of a live block was rejected"u8;
            return ok && freed;
        }

        private static bool HeapAlignment(ref ReadOnlySpan<byte> reason)
        {
            Span<nuint> blocks = stackalloc nuint[40];
            Span<nuint> sizes = stackalloc nuint[4];
            sizes[0] = 1;
            sizes[1] = 24;
            sizes[2] = 100;
            sizes[3] = 3000;
            int count = 0;
            bool ok = true;
            for (nuint alignment = 16; alignment <= KernelHeap.MaxAlignment; alignment <<= 1)
            {
                for (int s = 0; s < sizes.Length; s++)
                {
                    nuint block = KernelHeap.Allocate(sizes[s], alignment);
                    blocks[count++] = block;
                    ok &= block != 0 && block % alignment == 0;
                    if (block != 0)
                        SelfTestMemory.Fill(block, sizes[s], (byte)count);
                }
            }
            for (int i = 0; i < count && ok; i++)
                ok &= SelfTestMemory.Holds(blocks[i], sizes[i % sizes.Length], (byte)(i + 1));
            bool rejected = KernelHeap.Allocate(16, 48) == 0 && KernelHeap.Allocate(16, 2 * KernelHeap.MaxAlignment) == 0;
            bool freed = true;
            for (int i = 0; i < count; i++)
                freed &= KernelHeap.Free(blocks[i]) == FreeStatus.Freed;
            if (!ok)
                reason = "a block was not aligned as asked, or overlapped another"u8;
            else if (!rejected)
                reason = "a non-power-of-two or larger-than-a-page alignment was not refused"u8;
            else if (!freed)
                reason = "a free of an aligned block was rejected"u8;
            return ok && rejected && freed;
        }

        private static bool HeapCoalescing(ref ReadOnlySpan<byte> reason)
        {
            const nuint Size = 8192;
            const nuint Stride = Size + KernelHeap.HeaderSize;
            nuint keep = KernelHeap.Allocate(Size, 0);
            nuint a = KernelHeap.Allocate(Size, 0);
            nuint b = KernelHeap.Allocate(Size, 0);
            nuint c = KernelHeap.Allocate(Size, 0);
            nuint guard = KernelHeap.Allocate(Size, 0);
            bool adjacent = keep != 0 && guard != 0 && b == a + Stride && c == b + Stride;
            bool ok = adjacent;
            if (adjacent)
            {
                ok &= KernelHeap.Free(a) == FreeStatus.Freed;
                ok &= KernelHeap.Free(c) == FreeStatus.Freed;
                // b's neighbours are both free now: one block of three must form.
                ok &= KernelHeap.Free(b) == FreeStatus.Freed;
                KernelHeap.LargeFreeBytes(out _, out ulong largest);
                ok &= largest >= 3 * Stride - KernelHeap.HeaderSize;
                nuint merged = KernelHeap.Allocate(3 * Stride - KernelHeap.HeaderSize, 0);
                ok &= merged == a;
                ok &= KernelHeap.Free(merged) == FreeStatus.Freed;
            }
            else
            {
                KernelHeap.Free(a);
                KernelHeap.Free(b);
                KernelHeap.Free(c);
            }
            bool freed = KernelHeap.Free(keep) == FreeStatus.Freed && KernelHeap.Free(guard) == FreeStatus.Freed;
            if (!adjacent)
                reason = "consecutive large blocks were not carved side by side"u8;
            else if (!ok)
                reason = "freeing three neighbours did not give one block a large allocation could reuse"u8;
            else if (!freed)
                reason = "a free of a live block was rejected"u8;
            return ok && freed;
        }

        private static bool HeapExhaustionThenRecovery(ref ReadOnlySpan<byte> reason)
        {
            ulong freePages = PageAllocator.FreePages;
            ulong held = KernelHeap.HeldBytes;
            ulong failures = KernelHeap.FailedAllocations;
            nuint chain = Exhaust(out ulong big, out ulong small);
            bool exhausted = PageAllocator.FreePages == 0 && KernelHeap.Allocate(16, 0) == 0 && big > 0;
            bool counted = KernelHeap.FailedAllocations > failures;
            bool freed = FreeChain(chain);
            bool recovered = PageAllocator.FreePages == freePages && KernelHeap.HeldBytes == held;
            nuint again = Exhaust(out ulong bigAgain, out ulong smallAgain);
            bool repeated = bigAgain == big && smallAgain == small;
            freed &= FreeChain(again);
            recovered &= PageAllocator.FreePages == freePages && KernelHeap.HeldBytes == held;
            if (!exhausted)
                reason = "allocating until failure did not use up every free page"u8;
            else if (!counted)
                reason = "the failed allocations were not counted"u8;
            else if (!freed)
                reason = "a free of a live block was rejected"u8;
            else if (!recovered)
                reason = "free pages or held bytes did not return to the baseline"u8;
            else if (!repeated)
                reason = "the second fill did not get as many blocks as the first"u8;
            return exhausted && counted && freed && recovered && repeated;
        }

        // Allocates arena-sized blocks (one 64-page arena each) until that fails, then
        // 16-byte blocks (one-page slabs) until no page is left. The blocks form a
        // chain through their first word; returns its head.
        private static nuint Exhaust(out ulong big, out ulong small)
        {
            nuint chain = 0;
            big = 0;
            small = 0;
            nuint block;
            while ((block = KernelHeap.Allocate(64 * Page - KernelHeap.ArenaOverheadBytes, 0)) != 0)
            {
                *(nuint*)block = chain;
                chain = block;
                big++;
            }
            while ((block = KernelHeap.Allocate(16, 0)) != 0)
            {
                *(nuint*)block = chain;
                chain = block;
                small++;
            }
            return chain;
        }

        private static bool FreeChain(nuint chain)
        {
            bool freed = true;
            while (chain != 0)
            {
                nuint next = *(nuint*)chain;
                freed &= KernelHeap.Free(chain) == FreeStatus.Freed;
                chain = next;
            }
            return freed;
        }

        private static bool HeapDoubleFree(ref ReadOnlySpan<byte> reason)
        {
            ulong doubleFrees = KernelHeap.DoubleFrees;
            // A kept neighbour holds each slab and arena, so the freed block stays the heap's.
            nuint keepSmall = KernelHeap.Allocate(64, 0);
            nuint small = KernelHeap.Allocate(64, 0);
            nuint keepLarge = KernelHeap.Allocate(5000, 0);
            nuint large = KernelHeap.Allocate(5000, 0);
            bool ok = keepSmall != 0 && small != 0 && keepLarge != 0 && large != 0;
            ok &= KernelHeap.Free(small) == FreeStatus.Freed;
            ok &= KernelHeap.Free(large) == FreeStatus.Freed;
            bool detected = KernelHeap.Free(small) == FreeStatus.DoubleFree;
            detected &= KernelHeap.Free(large) == FreeStatus.DoubleFree;
            detected &= KernelHeap.DoubleFrees == doubleFrees + 2;
            ok &= KernelHeap.Free(keepSmall) == FreeStatus.Freed;
            ok &= KernelHeap.Free(keepLarge) == FreeStatus.Freed;
            if (!ok)
                reason = "could not allocate and free the blocks"u8;
            else if (!detected)
                reason = "a second free of a small or large block was not reported as a double free"u8;
            return ok && detected;
        }

        private static bool HeapForeignPointer(ref ReadOnlySpan<byte> reason)
        {
            ulong foreign = KernelHeap.ForeignFrees;
            ulong onStack = 0;
            nuint page = PageAllocator.Allocate(1, PageOwner.Pages);
            nuint block = KernelHeap.Allocate(64, 0);
            bool ok = page != 0 && block != 0;
            bool detected = KernelHeap.Free((nuint)(&onStack) & ~(nuint)15) == FreeStatus.Foreign;
            detected &= KernelHeap.Free(page + 16) == FreeStatus.Foreign;
            detected &= KernelHeap.Free(((nuint)1 << 40) + 16) == FreeStatus.Foreign;
            detected &= KernelHeap.Free(block + 1) == FreeStatus.Foreign;
            detected &= KernelHeap.ForeignFrees == foreign + 4;
            ok &= KernelHeap.Free(block) == FreeStatus.Freed;
            ok &= PageAllocator.Free(page, 1, PageOwner.Pages) == FreeStatus.Freed;
            if (!ok)
                reason = "could not allocate and free the block and the page"u8;
            else if (!detected)
                reason = "a stack, raw-page, out-of-RAM or misaligned pointer was not reported as foreign"u8;
            return ok && detected;
        }

        private static bool HeapOverwrittenHeader(ref ReadOnlySpan<byte> reason)
        {
            ulong corrupt = KernelHeap.CorruptHeaders;
            nuint keep = KernelHeap.Allocate(32, 0);
            nuint small = KernelHeap.Allocate(32, 0);
            nuint first = KernelHeap.Allocate(3000, 0);
            nuint second = KernelHeap.Allocate(3000, 0);
            bool ok = keep != 0 && small != 0 && first != 0 && second != 0;
            bool detected = ok;
            if (ok)
            {
                // A stray write over the canary, then over the info word, of a small block.
                detected &= FreeWithWordFlipped(small - 8);
                detected &= FreeWithWordFlipped(small - 16);
                detected &= FreeWithWordFlipped(first - 8);
                // An overrun of `first` into the header of the block after it.
                nuint overrun = first + 3008;
                if (second == overrun + KernelHeap.HeaderSize)
                    detected &= FreeWithWordFlipped(overrun, first);
                else
                    detected = false;
                detected &= KernelHeap.CorruptHeaders == corrupt + 4;
            }
            ok &= KernelHeap.Free(small) == FreeStatus.Freed;
            ok &= KernelHeap.Free(keep) == FreeStatus.Freed;
            ok &= KernelHeap.Free(first) == FreeStatus.Freed;
            ok &= KernelHeap.Free(second) == FreeStatus.Freed;
            if (!ok)
                reason = "could not allocate, or free after the header was restored"u8;
            else if (!detected)
                reason = "a free with an overwritten header or an overrun neighbour was not refused as corrupt"u8;
            return ok && detected;
        }

        // A write after free over a large free block's list links (the first two
        // payload words: next, previous): walking the list must report it and
        // fail the allocation, neither loop nor take the block; once the links are
        // back the block is reused.
        private static bool HeapDamagedFreeList(ref ReadOnlySpan<byte> reason)
        {
            const nuint Size = 8192;
            ulong corrupt = KernelHeap.CorruptHeaders;
            nuint keep = KernelHeap.Allocate(Size, 0);
            nuint freed = KernelHeap.Allocate(Size, 0);
            nuint guard = KernelHeap.Allocate(Size, 0);
            bool ok = keep != 0 && freed != 0 && guard != 0 && KernelHeap.Free(freed) == FreeStatus.Freed;
            bool detected = ok;
            if (ok)
            {
                // The freed block heads its size's free list: its previous link must be null.
                nuint* previousLink = (nuint*)freed + 1;
                nuint saved = *previousLink;
                *previousLink = freed - KernelHeap.HeaderSize; // points at itself: a loop
                detected &= KernelHeap.Allocate(Size, 0) == 0 && KernelHeap.CorruptHeaders == corrupt + 1;
                *previousLink = saved;
                nuint again = KernelHeap.Allocate(Size, 0);
                ok &= again == freed && KernelHeap.Free(again) == FreeStatus.Freed;
            }
            ok &= KernelHeap.Free(keep) == FreeStatus.Freed && KernelHeap.Free(guard) == FreeStatus.Freed;
            if (!detected)
                reason = "a free block with an overwritten list link was walked or taken instead of reported"u8;
            else if (!ok)
                reason = "could not allocate, reuse the block after its links were restored, or free"u8;
            return ok && detected;
        }

        private static bool FreeWithWordFlipped(nuint word) => FreeWithWordFlipped(word, (word + 16) & ~(nuint)15);

        // Damages one header word, frees `block`, and puts the word back.
        private static bool FreeWithWordFlipped(nuint word, nuint block)
        {
            ulong saved = *(ulong*)word;
            *(ulong*)word = saved ^ 0x4141_4141_4141_4141;
            bool refused = KernelHeap.Free(block) == FreeStatus.CorruptHeader;
            *(ulong*)word = saved;
            return refused;
        }
    }
}
