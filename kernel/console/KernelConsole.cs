// The kernel's one console: the UART as a TextSink for human lines, and the
// record writer that frames @@KS1 records onto the same stream. Allocated once
// at start-up; everything after that writes through these without allocating.
// Records go through BeginRecord/EndRecord, which hold the console (Lock) from
// Begin to End: the writer's one buffer is shared by every CPU, and a record
// then reaches the UART whole and in seq order. Between them the caller only
// fills in JSON: no blocking, no sleeping (interrupts are off).
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Console
{
    internal static class KernelConsole
    {
        // Big enough for a result record with histograms; larger records become
        // an "error" record (RecordWriter), never a truncated one.
        private const int RecordJsonCapacity = 16 * 1024;

        public static ConsoleLock Lock;

        public static readonly TextSink Out = new UartSink();

        private static readonly RecordWriter s_records = new RecordWriter(Out, RecordJsonCapacity);

        public static JsonWriter BeginRecord(ReadOnlySpan<byte> type)
        {
            Lock.Enter();
            return s_records.Begin(type);
        }

        // False when an error record went out in its place (RecordWriter.End).
        public static bool EndRecord(ref JsonWriter json)
        {
            bool written = s_records.End(ref json);
            Lock.Exit();
            return written;
        }
    }
}
