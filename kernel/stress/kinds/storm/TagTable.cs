// A bounded table of metric keys for the tag explosion (the stress-smoke plan: "every
// primitive emits every possible tag ... handles high cardinality without
// OOM"): open addressing over Capacity slots of 64-bit key hashes with a
// count each; a key that finds no free slot is counted as overflow instead
// of growing the table, so memory stays fixed however many keys arrive.
namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static class TagTable
    {
        public const int Capacity = 64;

        private static readonly ulong[] s_keys = new ulong[Capacity];
        private static readonly long[] s_counts = new long[Capacity];
        private static int s_used;
        private static long s_overflow;

        public static int Used => s_used;

        public static long Overflow => s_overflow;

        public static void Reset()
        {
            for (int i = 0; i < Capacity; i++)
            {
                s_keys[i] = 0;
                s_counts[i] = 0;
            }
            s_used = 0;
            s_overflow = 0;
        }

        // Counts one emission of `key` (non-zero hash); false when it went to overflow.
        public static bool Add(ulong key)
        {
            for (int probe = 0; probe < Capacity; probe++)
            {
                int slot = (int)((key + (ulong)probe) % Capacity);
                if (s_keys[slot] == key)
                {
                    s_counts[slot]++;
                    return true;
                }
                if (s_keys[slot] == 0)
                {
                    s_keys[slot] = key;
                    s_counts[slot] = 1;
                    s_used++;
                    return true;
                }
            }
            s_overflow++;
            return false;
        }

        // Emissions held in the table (with Overflow, every emission is accounted for).
        public static long Counted()
        {
            long sum = 0;
            for (int i = 0; i < Capacity; i++)
                sum += s_counts[i];
            return sum;
        }
    }
}
