// The red team: adversarial input that the kernel must reject, each attempt
// timed (reject_latency), then random printable lines through the parser
// until the run ends (they may parse or not; they must not crash anything).
//  - shell grammar: through the real line editor and parser: unknown
//    commands and flags, out-of-range and missing values, a repeated flag,
//    a number past 2^64, a line over 256 bytes, non-ASCII and control bytes;
//  - record encoder: a string past the buffer (the writer must stop inside
//    it), a record left open, control characters (must come out escaped);
//  - allocator: a double free, frees of a stack address, an unmapped
//    address and a misaligned pointer, sizes that overflow, bad alignments,
//    a page freed under the wrong owner.
// Counters: ops (inputs tried), rejected, accepted (must be 0), failed
// (= accepted), fuzz_lines.
using System;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Redteam
{
    internal static unsafe class Redteam
    {
        private const byte Enter = (byte)'\r';
        private const int GrammarCases = 10;

        private static readonly CaptureSink s_echo = new CaptureSink(1024);
        private static readonly LineEditor s_editor = new LineEditor(s_echo);
        private static readonly ParsedCommand s_parsed = new ParsedCommand();
        private static readonly byte[] s_fuzz = new byte[96];
        // The attempt being timed: Start .. Stop.
        private static ulong s_started;
        private static ulong s_lastNanoseconds;

        public static void Run(LatencyHistogram latency, delegate*<bool> poll)
        {
            StressRun.Add(StressCounter.Rejected, 0);
            StressRun.Add(StressCounter.Accepted, 0);
            StressRun.Add(StressCounter.FuzzLines, 0);
            for (int i = 0; i < GrammarCases; i++)
                Expect(latency, RejectsLine(GrammarCase(i)), "a malformed shell line was accepted"u8);
            Expect(latency, RejectsOverlongLine(), "a line over the length limit was accepted"u8);
            Expect(latency, RejectsNonAscii(0xC3), "a non-ASCII byte was accepted"u8);
            Expect(latency, RejectsNonAscii(0x07), "a control byte was accepted"u8);
            Expect(latency, EncoderStopsAtCapacity(), "the JSON writer wrote past its buffer"u8);
            Expect(latency, EncoderRejectsOpenRecord(), "the JSON writer called an unclosed record complete"u8);
            Expect(latency, EncoderEscapesControlBytes(), "the JSON writer let a control byte through"u8);
            Expect(latency, HeapRejectsDoubleFree(), "the heap accepted a double free"u8);
            Expect(latency, HeapRejectsFree(0x1000), "the heap accepted a free of an address it does not own"u8);
            ulong onStack = 0;
            Expect(latency, HeapRejectsFree((nuint)(&onStack)), "the heap accepted a free of a stack address"u8);
            Expect(latency, HeapRejectsMisalignedFree(), "the heap accepted a misaligned free"u8);
            Expect(latency, KernelHeap.Allocate(unchecked((nuint)ulong.MaxValue), 16) == 0, "the heap granted a size that overflows"u8);
            Expect(latency, KernelHeap.Allocate((nuint)(1UL << 40), 16) == 0, "the heap granted 1 TiB"u8);
            Expect(latency, KernelHeap.Allocate(64, 24) == 0, "the heap accepted an alignment that is not a power of two"u8);
            Expect(latency, KernelHeap.Allocate(64, 1 << 20) == 0, "the heap accepted an alignment past a page"u8);
            Expect(latency, PagesRejectWrongOwner(), "the page allocator freed a page under the wrong owner"u8);
            Fuzz(poll);
        }

        private static void Expect(LatencyHistogram latency, bool rejected, ReadOnlySpan<byte> failure)
        {
            StressRun.Increment(StressCounter.Ops);
            if (rejected)
            {
                StressRun.Increment(StressCounter.Rejected);
            }
            else
            {
                StressRun.Increment(StressCounter.Accepted);
                StressRun.Increment(StressCounter.Failed);
                StressRun.Fail(failure);
            }
            latency.Record(s_lastNanoseconds);
        }

        private static void Start() => s_started = Clock.NowNanoseconds;

        private static bool Stop(bool rejected)
        {
            s_lastNanoseconds = Clock.NowNanoseconds - s_started;
            return rejected;
        }

        private static ReadOnlySpan<byte> GrammarCase(int index) => index switch
        {
            0 => "frobnicate"u8,
            1 => "stresstest"u8,
            2 => "stresstest chaos --fail-rate"u8,
            3 => "stresstest chaos --fail-rate 101"u8,
            4 => "stresstest memory --target-pressure 5"u8,
            5 => "stresstest chaos --seed 1 --seed 2"u8,
            6 => "stresstest memory --seed 18446744073709551616"u8,
            7 => "stresstest memory --fail-rate 10"u8,
            8 => "autonomy maybe"u8,
            _ => "stresstest learning --episodes 2"u8,
        };

        // Through the line editor byte by byte, then the parser: rejected by either.
        private static bool RejectsLine(ReadOnlySpan<byte> line)
        {
            Start();
            LineStatus status = LineStatus.Pending;
            for (int i = 0; i < line.Length; i++)
                status = s_editor.Feed(line[i]);
            status = s_editor.Feed(Enter);
            s_echo.Clear();
            bool rejected = status == LineStatus.Rejected
                || (status == LineStatus.Ready && CommandParser.Parse(ShellCommands.Catalog, s_editor.Line, s_parsed) == ParseStatus.Error);
            return Stop(rejected);
        }

        private static bool RejectsOverlongLine()
        {
            Start();
            LineStatus status = LineStatus.Pending;
            for (int i = 0; i < ShellLimits.MaxLineLength + 44; i++)
                status = s_editor.Feed((byte)'a');
            if (status != LineStatus.Rejected)
                status = s_editor.Feed(Enter);
            s_echo.Clear();
            return Stop(status == LineStatus.Rejected);
        }

        private static bool RejectsNonAscii(byte value)
        {
            Start();
            s_editor.Feed((byte)'e');
            s_editor.Feed(value);
            LineStatus status = s_editor.Feed(Enter);
            s_echo.Clear();
            return Stop(status == LineStatus.Rejected);
        }

        private static bool EncoderStopsAtCapacity()
        {
            Start();
            Span<byte> buffer = stackalloc byte[96];
            buffer.Fill(0xCC);
            var json = new JsonWriter(buffer.Slice(0, 64));
            json.WriteStartObject();
            json.WriteString("text"u8, "a string much longer than the sixty-four bytes this writer was given to hold it"u8);
            json.WriteEndObject();
            bool guardIntact = true;
            for (int i = 64; i < buffer.Length; i++)
                guardIntact &= buffer[i] == 0xCC;
            return Stop(json.Overflowed && !json.IsComplete && guardIntact && json.Length <= 64);
        }

        private static bool EncoderRejectsOpenRecord()
        {
            Start();
            Span<byte> buffer = stackalloc byte[128];
            var json = new JsonWriter(buffer);
            json.WriteStartObject();
            json.WriteStartArray("open"u8);
            json.WriteNumberValue(1UL);
            json.WriteEndObject();
            return Stop(!json.IsComplete);
        }

        private static bool EncoderEscapesControlBytes()
        {
            Start();
            Span<byte> buffer = stackalloc byte[128];
            Span<byte> text = stackalloc byte[] { (byte)'a', 0x01, (byte)'"', 0x1F, (byte)'\n', (byte)'b' };
            var json = new JsonWriter(buffer);
            json.WriteStartObject();
            json.WriteString("text"u8, text);
            json.WriteEndObject();
            bool clean = json.IsComplete;
            ReadOnlySpan<byte> written = json.Written;
            for (int i = 0; i < written.Length; i++)
                clean &= written[i] >= 0x20 && written[i] < 0x7F;
            return Stop(clean);
        }

        // A second block keeps the slab alive: an empty slab's pages go back at
        // once, and the second free would then be a foreign one.
        private static bool HeapRejectsDoubleFree()
        {
            nuint keeper = KernelHeap.Allocate(8, 16);
            nuint block = KernelHeap.Allocate(8, 16);
            if (keeper == 0 || block == 0)
                return false;
            KernelHeap.Free(block);
            Start();
            bool rejected = Stop(KernelHeap.Free(block) == FreeStatus.DoubleFree);
            return KernelHeap.Free(keeper) == FreeStatus.Freed && rejected;
        }

        private static bool HeapRejectsFree(nuint address)
        {
            Start();
            return Stop(KernelHeap.Free(address) != FreeStatus.Freed);
        }

        private static bool HeapRejectsMisalignedFree()
        {
            nuint block = KernelHeap.Allocate(64, 16);
            if (block == 0)
                return false;
            Start();
            bool rejected = KernelHeap.Free(block + 8) == FreeStatus.Foreign;
            Stop(rejected);
            return KernelHeap.Free(block) == FreeStatus.Freed && rejected;
        }

        private static bool PagesRejectWrongOwner()
        {
            nuint block = KernelHeap.Allocate(64, 16);
            if (block == 0)
                return false;
            nuint page = block & ~(PageAllocator.PageSize - 1);
            Start();
            bool rejected = PageAllocator.Free(page, 1, PageOwner.ThreadStack) != FreeStatus.Freed;
            Stop(rejected);
            return KernelHeap.Free(block) == FreeStatus.Freed && rejected;
        }

        // Random printable lines through the parser until the run ends.
        private static void Fuzz(delegate*<bool> poll)
        {
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StressStreams.Redteam));
            while (!poll())
            {
                int length = random.Range(1, s_fuzz.Length + 1);
                for (int i = 0; i < length; i++)
                    s_fuzz[i] = (byte)random.Range(0x20, 0x7F);
                CommandParser.Parse(ShellCommands.Catalog, new ReadOnlySpan<byte>(s_fuzz, 0, length), s_parsed);
                StressRun.Increment(StressCounter.FuzzLines);
            }
        }
    }
}
