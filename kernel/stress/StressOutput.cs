// Where stress runs write: the console UART and a record writer big enough
// for a result with several full histograms. Its records hold the console
// lock from Begin (which takes the seq) to End, as KernelConsole's own do, so
// they reach the host whole and in seq order. Threads of a run that print
// several lines (the coordinator, the chaos thread in `multi`) hold Lock, a
// mutex, around them, so one's lines never land inside another's.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Sync;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static class StressOutput
    {
        // A result with four histograms of a few hundred non-empty buckets each, plus up to
        // StressPhases.MaxTimedPhases phase histograms (scale: 30 of about 3 KiB each).
        private const int RecordJsonCapacity = 224 * 1024;

        public static readonly Mutex Lock = new Mutex();

        private static readonly RecordWriter s_records = new RecordWriter(KernelConsole.Out, RecordJsonCapacity);

        public static TextSink Out => KernelConsole.Out;

        // Between the two the caller only fills in JSON: interrupts are off.
        public static JsonWriter BeginRecord(ReadOnlySpan<byte> type)
        {
            KernelConsole.Lock.Enter();
            return s_records.Begin(type);
        }

        public static bool EndRecord(ref JsonWriter json)
        {
            bool written = s_records.End(ref json);
            KernelConsole.Lock.Exit();
            return written;
        }
    }
}
