// The stress-smoke plan's edge cases (dataset_edge_cases_v1), each run for real with its
// outcome recorded as a counter (1 = handled as stated):
//  empty input:      Enter alone on the shell's line editor (the UART input
//                    path) is an Empty line, and an empty line parses as
//                    Empty: nothing runs, no error;
//  a million steps:  1,000,000 PRNG steps each recorded into a histogram
//                    complete, the histogram counts exactly that many (and
//                    the time taken is reported);
//  invalid UTF-8:    "echo " and bytes C3 28 FF (a broken sequence) typed
//                    into the line editor end in a Rejected line whose error
//                    names the first byte (printed: it is ASCII); the same
//                    bytes given straight to the parser are rejected too;
//  clock jump:       the storm reporter told that the time jumped an hour
//                    ahead flushes once and starts its next window there.
using System;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static class EdgeCases
    {
        public const ulong MillionSteps = 1_000_000;
        private const ulong HourNs = 3_600_000_000_000;

        private static readonly ParsedCommand s_parsed = new ParsedCommand();
        // The editor's echo goes here, not to the UART: the run's own output stays readable.
        private static readonly CaptureSink s_echo = new CaptureSink(ShellLimits.MaxLineLength);
        private static readonly LineEditor s_editor = new LineEditor(s_echo);
        private static readonly LatencyHistogram s_steps = new LatencyHistogram(1);
        private static readonly byte[] s_invalidUtf8 = InvalidUtf8();

        public static void Run(TextSink output)
        {
            s_echo.Clear();
            bool empty = s_editor.Feed((byte)'\r') == LineStatus.Empty
                && CommandParser.Parse(ShellCommands.Catalog, default(ReadOnlySpan<byte>), s_parsed) == ParseStatus.Empty;
            StressRun.Set(StormCounters.EdgeEmptyIgnored, empty ? 1 : 0);

            s_steps.Reset();
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StressStreams.Storm));
            ulong start = Clock.NowNanoseconds;
            for (ulong i = 0; i < MillionSteps; i++)
                s_steps.Record(random.NextU64() >> 44);
            StressRun.Set(StormCounters.EdgeMillionStepsMs, (long)((Clock.NowNanoseconds - start) / 1_000_000));
            StressRun.Set(StormCounters.EdgeMillionStepsCounted, (long)s_steps.Count);

            LineStatus typed = LineStatus.Pending;
            ReadOnlySpan<byte> line = "echo "u8;
            for (int i = 0; i < line.Length; i++)
                typed = s_editor.Feed(line[i]);
            for (int i = 0; i < s_invalidUtf8.Length; i++)
                typed = s_editor.Feed(s_invalidUtf8[i]);
            typed = s_editor.Feed((byte)'\r');
            if (typed == LineStatus.Rejected)
            {
                output.Write("  invalid UTF-8 typed: "u8);
                output.WriteLine(s_editor.Error);
            }
            bool rejected = typed == LineStatus.Rejected
                && CommandParser.Parse(ShellCommands.Catalog, s_invalidUtf8, s_parsed) == ParseStatus.Error;
            StressRun.Set(StormCounters.EdgeInvalidUtf8Rejected, rejected ? 1 : 0);

            long flushesBefore = StormReporter.Flushes;
            ulong jumped = Clock.NowNanoseconds + HourNs;
            StormReporter.Report("clock jumped one hour ahead"u8, jumped, output);
            StormReporter.Report("clock jumped one hour ahead"u8, jumped + 1, output);
            StressRun.Set(StormCounters.EdgeClockJumpFlushes, StormReporter.Flushes - flushesBefore);
        }

        // C3 starts a two-byte sequence that 28 does not continue; FF is never UTF-8. Filled by hand:
        // an array initializer needs ldtoken helpers the kernel corelib does not have.
        private static byte[] InvalidUtf8()
        {
            var bytes = new byte[3];
            bytes[0] = 0xC3;
            bytes[1] = 0x28;
            bytes[2] = 0xFF;
            return bytes;
        }
    }
}
