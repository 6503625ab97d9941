// The memory that managed objects ('new') come from: a bump region reserved for
// good from the page allocator at boot (PageAllocator.ReserveAtBoot). Objects are never freed (the kernel has no GC), which is why
// steady-state kernel code must not allocate: every allocation is counted, and
// the count is exposed so tests can show a command did not move it.
// Invariant: Next is 8-byte aligned and Next <= End; memory past Next is zero.
// Usable before statics are initialised: it has only primitive static fields.
using System.Threading;

namespace KernelStress.Kernel.Memory
{
    internal static unsafe class ManagedHeap
    {
        private static nuint s_start;
        private static nuint s_next;
        private static nuint s_end;
        private static ulong s_allocations;

        public static void Initialize(nuint start, nuint size)
        {
            s_start = (start + 7) & ~(nuint)7;
            s_next = s_start;
            s_end = start + size;
            SpanOfZeroes(s_start, s_end - s_start);
        }

        // Returns zeroed, 8-byte aligned memory, or 0 when the region is exhausted.
        // Lock-free, so any CPU (and the early boot, before locks work) may call it:
        // the bump is a compare-and-swap that retries when another CPU bumped first.
        public static nuint Allocate(nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            while (true)
            {
                nuint block = Volatile.Read(ref s_next);
                if (size > s_end - block)
                    return 0;
                if (Interlocked.CompareExchange(ref s_next, block + size, block) == block)
                {
                    Interlocked.Increment(ref s_allocations);
                    return block;
                }
            }
        }

        public static ulong AllocationCount => s_allocations;

        public static nuint BytesUsed => s_next - s_start;

        public static nuint BytesTotal => s_end - s_start;

        private static void SpanOfZeroes(nuint start, nuint length)
        {
            byte* p = (byte*)start;
            for (nuint i = 0; i < length; i += 8)
                *(ulong*)(p + i) = 0;
        }
    }
}
