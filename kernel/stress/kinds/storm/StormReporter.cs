// Deduplicated, throttled error reporting for a failure storm (the stress-smoke plan:
// "creation is throttled (deduplicated)"): the first occurrence of a message
// is printed at once; repeats only count, and at most once per ThrottleNs
// (and at the end) each message that repeated gets one line
// "[STORM] <message> (repeated N times)". Distinct messages beyond
// MaxMessages are counted, not stored: the table never grows.
// Time is passed in, so a clock that jumps forward is one late flush (the
// next window starts from the new time), never a burst of catch-up flushes.
// Deduplicates is a test-only switch (stresstest storm --sabotage dedup):
// off, every repeat prints its own line at once.
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static class StormReporter
    {
        public const int MaxMessages = 8;
        public const ulong ThrottleNs = 1_000_000_000;
        private const int MessageCapacity = 120;

        private static readonly byte[] s_text = new byte[MaxMessages * MessageCapacity];
        private static readonly int[] s_length = new int[MaxMessages];
        private static readonly long[] s_count = new long[MaxMessages];
        private static readonly long[] s_reported = new long[MaxMessages];
        private static int s_messages;
        private static long s_untracked;
        private static ulong s_nextFlush;
        private static long s_lines;
        private static long s_flushes;

        public static bool Deduplicates = true;

        // Lines printed so far (first occurrences and repeat lines).
        public static long Lines => s_lines;

        public static long Flushes => s_flushes;

        public static int Messages => s_messages;

        public static long Untracked => s_untracked;

        public static void Reset(ulong nowNs)
        {
            s_messages = 0;
            s_untracked = 0;
            s_lines = 0;
            s_flushes = 0;
            s_nextFlush = nowNs + ThrottleNs;
        }

        public static void Report(ReadOnlySpan<byte> message, ulong nowNs, TextSink output)
        {
            int index = Find(message);
            if (index >= 0)
            {
                s_count[index]++;
                if (!Deduplicates)
                {
                    output.Write("[STORM] "u8);
                    output.WriteLine(Text(index));
                    s_reported[index] = s_count[index];
                    s_lines++;
                }
            }
            else if (s_messages < MaxMessages)
            {
                index = s_messages++;
                int length = Math.Min(message.Length, MessageCapacity);
                message.Slice(0, length).CopyTo(new Span<byte>(s_text, index * MessageCapacity, MessageCapacity));
                s_length[index] = length;
                s_count[index] = 1;
                s_reported[index] = 1;
                output.Write("[STORM] "u8);
                output.WriteLine(Text(index));
                s_lines++;
            }
            else
            {
                s_untracked++;
            }
            if (nowNs >= s_nextFlush)
                Flush(nowNs, output);
        }

        // One "(repeated N times)" line per message that repeated since its last line; the next window starts now.
        public static void Flush(ulong nowNs, TextSink output)
        {
            s_flushes++;
            s_nextFlush = nowNs + ThrottleNs;
            for (int i = 0; i < s_messages; i++)
            {
                if (s_count[i] == s_reported[i])
                    continue;
                output.Write("[STORM] "u8);
                output.Write(Text(i));
                output.Write(" (repeated "u8);
                output.WriteDecimal(s_count[i] - s_reported[i]);
                output.WriteLine(" times)"u8);
                s_reported[i] = s_count[i];
                s_lines++;
            }
        }

        private static ReadOnlySpan<byte> Text(int index) => new ReadOnlySpan<byte>(s_text, index * MessageCapacity, s_length[index]);

        private static int Find(ReadOnlySpan<byte> message)
        {
            int length = Math.Min(message.Length, MessageCapacity);
            for (int i = 0; i < s_messages; i++)
            {
                if (Same(Text(i), message.Slice(0, length)))
                    return i;
            }
            return -1;
        }

        private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            if (a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                    return false;
            }
            return true;
        }
    }
}
