// Which sequence numbers the ramp's consumers have seen: one bit per item the
// run could inject, in a kernel-heap block sized for the planned levels and
// freed at the end. Marking a bit twice is a duplicate; a bit never marked
// below the last injected number is a lost item. Consumers mark concurrently
// (compare-exchange on the 64-bit word).
using System.Threading;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static unsafe class RampLedger
    {
        private static ulong* s_bits;
        private static ulong s_capacity;

        public static ulong Capacity => s_capacity;

        // Room for `items` sequence numbers, all unmarked; false when the heap cannot hold the ledger.
        public static bool Open(ulong items)
        {
            ulong words = (items + 63) / 64;
            s_bits = (ulong*)KernelHeap.Allocate((nuint)(words * 8), 0);
            if (s_bits == null)
                return false;
            for (ulong i = 0; i < words; i++)
                s_bits[i] = 0;
            s_capacity = words * 64;
            return true;
        }

        public static void Close()
        {
            KernelHeap.Free((nuint)s_bits);
            s_bits = null;
            s_capacity = 0;
        }

        // Marks `sequence` seen; false when it was seen already (a duplicate).
        public static bool Mark(ulong sequence)
        {
            ref ulong word = ref s_bits[sequence / 64];
            ulong bit = 1UL << (int)(sequence % 64);
            ulong seen = Volatile.Read(ref word);
            while ((seen & bit) == 0)
            {
                ulong previous = Interlocked.CompareExchange(ref word, seen | bit, seen);
                if (previous == seen)
                    return true;
                seen = previous;
            }
            return false;
        }

        // Sequence numbers in [first, end) never marked.
        public static ulong Missing(ulong first, ulong end)
        {
            ulong missing = 0;
            for (ulong sequence = first; sequence < end; sequence++)
            {
                if ((s_bits[sequence / 64] & (1UL << (int)(sequence % 64))) == 0)
                    missing++;
            }
            return missing;
        }
    }
}
