// The concurrency kind's own counters, in the order the result record writes
// them (after the shared StressCounter ones).
using System;

namespace KernelStress.Kernel.Stress.Kinds.Concurrency
{
    internal static class ConcurrencyCounters
    {
        public static KindCounter TimedOut => new KindCounter(0);
        public static KindCounter WrongAnswers => new KindCounter(1);
        public static KindCounter FewestAnswered => new KindCounter(2);
        public static KindCounter MostAnswered => new KindCounter(3);

        public static ReadOnlySpan<byte> Names => "timed_out|wrong_answers|fewest_answered_per_client|most_answered_per_client"u8;
    }
}
