// `stresstest storm --failures N` (the stress-smoke plan's worst-case sequences), on the
// shell thread:
//  1. a failure storm: N consecutive real failures, cycling through a heap
//     request the heap must refuse (1 TiB), a command the parser must reject
//     and a Join of a thread that does not exist; each is reported through
//     StormReporter (first occurrence, then "repeated N times" at most once
//     a second) and timed into failure_latency; the kernel heap's bytes in
//     use, the pages in use and the managed heap must be the same after the
//     storm as before it ("memory usage remains stable");
//  2. a tag explosion: TagExplosionKeys distinct keys into TagTable, which
//     must keep its bound and account for every emission;
//  3. 50-deep recursion, each frame with its own stack buffer, checked
//     against the same sum computed in a loop;
//  4. the edge cases (EdgeCases).
// ops = failures injected, failed = injected failures that did not fail.
using System;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static unsafe class StormWorkload
    {
        public const int TagExplosionKeys = 10_000;
        public const int RecursionDepth = 50;
        private const ulong RefusedSize = 1UL << 40;
        private const int NoSuchThread = -5;

        private static readonly ParsedCommand s_parsed = new ParsedCommand();
        private static uint s_failures;

        public static uint Failures => s_failures;

        // `sabotage` (test-only): the reporter prints every repeat, so the reporting bound must fail the run.
        public static void Configure(uint failures, bool sabotage)
        {
            s_failures = failures;
            StormReporter.Deduplicates = !sabotage;
        }

        public static void Run(LatencyHistogram latency, delegate*<bool> poll, TextSink output)
        {
            // The run's only thread prints: no other line can land inside these, so no StressOutput.Lock.
            // Reset first: it is the reporter's first use, whose static arrays must not count as growth.
            StormReporter.Reset(Clock.NowNanoseconds);
            ulong heapBefore = KernelHeap.InUseBytes;
            ulong pagesBefore = PageAllocator.UsedPages;
            ulong managedBefore = ManagedHeap.BytesUsed;
            for (uint i = 0; i < s_failures; i++)
            {
                if ((i & 63) == 0 && poll() && StressRun.Cancelled)
                    break;
                ulong start = Clock.NowNanoseconds;
                bool failed = Fail(i % 3, out ReadOnlySpan<byte> message);
                latency.Record(Clock.NowNanoseconds - start);
                StressRun.Increment(StressCounter.Ops);
                if (!failed)
                    StressRun.Increment(StressCounter.Failed);
                StormReporter.Report(message, Clock.NowNanoseconds, output);
            }
            StormReporter.Flush(Clock.NowNanoseconds, output);
            StressRun.Set(StormCounters.ReportLines, StormReporter.Lines);
            StressRun.Set(StormCounters.HeapGrowthBytes, (long)(KernelHeap.InUseBytes - heapBefore));
            StressRun.Set(StormCounters.PagesGrowth, (long)(PageAllocator.UsedPages - pagesBefore));
            StressRun.Set(StormCounters.ManagedGrowthBytes, (long)(ManagedHeap.BytesUsed - managedBefore));

            TagTable.Reset();
            for (int key = 0; key < TagExplosionKeys; key++)
                TagTable.Add(TagKey(key));
            StressRun.Set(StormCounters.TagsTracked, TagTable.Used);
            StressRun.Set(StormCounters.TagsOverflowed, TagTable.Overflow);
            StressRun.Set(StormCounters.TagsCounted, TagTable.Counted() + TagTable.Overflow);

            ulong expected = 0;
            for (int depth = 1; depth <= RecursionDepth; depth++)
                expected += FrameValue(depth);
            StressRun.Set(StormCounters.RecursionDepth, Recurse(1) == expected ? RecursionDepth : 0);

            EdgeCases.Run(output);
        }

        // One injected failure of kind `kind`; true when it failed as it must. `message` is what gets reported.
        private static bool Fail(uint kind, out ReadOnlySpan<byte> message)
        {
            switch (kind)
            {
                case 0:
                    message = "heap refused a 1 TiB block"u8;
                    nuint block = KernelHeap.Allocate((nuint)RefusedSize, 0);
                    KernelHeap.Free(block);
                    return block == 0;
                case 1:
                    bool rejected = CommandParser.Parse(ShellCommands.Catalog, "frobnicate --now"u8, s_parsed) == ParseStatus.Error;
                    message = s_parsed.Error;
                    return rejected;
                default:
                    message = "join of a thread that does not exist refused"u8;
                    return !Scheduler.Join(NoSuchThread);
            }
        }

        // A distinct non-zero key per tag number (the hash a tag name would have).
        private static ulong TagKey(int tag)
        {
            ulong x = ((ulong)tag + 1) * 0x9E3779B97F4A7C15UL;
            return (x ^ (x >> 31)) | 1;
        }

        private static ulong FrameValue(int depth) => (ulong)depth * 2654435761UL;

        // Each frame fills its own stack buffer and reads it back: a frame that overlapped another would show.
        private static ulong Recurse(int depth)
        {
            byte* frame = stackalloc byte[64];
            for (int i = 0; i < 64; i++)
                frame[i] = (byte)(depth + i);
            ulong below = depth < RecursionDepth ? Recurse(depth + 1) : 0;
            for (int i = 0; i < 64; i++)
            {
                if (frame[i] != (byte)(depth + i))
                    return 0;
            }
            return below + FrameValue(depth);
        }
    }
}
