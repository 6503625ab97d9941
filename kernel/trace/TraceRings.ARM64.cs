// AArch64 twin of TraceRings.Invalidate. AArch64 may make later stores visible
// before earlier ones, so the zero goes through an atomic exchange, which the
// kernel's Interlocked makes a full barrier: no field store passes it.
using System.Threading;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe partial class TraceRings
    {
        private static partial void Invalidate(TraceEntry* slot) => Interlocked.Exchange(ref slot->Sequence, 0);
    }
}
