// A kind's CounterNames ("injected lost duplicated"): how many there are and the
// one at an index, for StressRun's bound and the result record.
using System;

namespace KernelStress.Kernel.Stress.Kinds
{
    internal static class KindCounterNames
    {
        public static int Count(ReadOnlySpan<byte> names)
        {
            int count = 0;
            while (Next(ref names, out _))
                count++;
            return count;
        }

        // Takes the first name off `names`; false when none is left.
        public static bool Next(ref ReadOnlySpan<byte> names, out ReadOnlySpan<byte> name)
        {
            int start = 0;
            while (start < names.Length && names[start] == (byte)' ')
                start++;
            int end = start;
            while (end < names.Length && names[end] != (byte)' ')
                end++;
            name = names.Slice(start, end - start);
            names = names.Slice(end);
            return name.Length > 0;
        }
    }
}
