// x86-64 twin of TraceRings.Invalidate. x86-64 makes stores visible in program
// order (TSO), so a plain store of the zero is seen before the field stores that
// follow it; an atomic exchange here would cost as much as the rest of the append.
using System.Threading;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe partial class TraceRings
    {
        private static partial void Invalidate(TraceEntry* slot) => Volatile.Write(ref slot->Sequence, 0);
    }
}
