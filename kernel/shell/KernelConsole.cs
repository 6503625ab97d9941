// The kernel's one console: the UART as a TextSink for human lines, and the
// record writer that frames @@KS1 records onto the same stream. Allocated once
// at start-up; everything after that writes through these without allocating.
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell
{
    internal static class KernelConsole
    {
        // Big enough for a result record with histograms; larger records become
        // an "error" record (RecordWriter), never a truncated one.
        private const int RecordJsonCapacity = 16 * 1024;

        public static readonly TextSink Out = new UartSink();

        public static readonly RecordWriter Records = new RecordWriter(Out, RecordJsonCapacity);
    }
}
