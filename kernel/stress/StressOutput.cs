// Where stress runs write: the console UART and a record writer big enough
// for a result with several full histograms. The UART sink has no lock and a
// record's seq is taken when it begins, so threads of a run that print
// (the coordinator, the chaos thread in `multi`) hold Lock from the first
// byte of a line or record to its end: lines never interleave and records
// reach the host in seq order.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Shell;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static class StressOutput
    {
        // A result with four histograms of a few hundred non-empty buckets each.
        private const int RecordJsonCapacity = 96 * 1024;

        public static readonly Mutex Lock = new Mutex();

        public static readonly RecordWriter Records = new RecordWriter(KernelConsole.Out, RecordJsonCapacity);

        public static TextSink Out => KernelConsole.Out;
    }
}
