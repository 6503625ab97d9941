// One slot of a CPU's trace ring: 64 bytes, one cache line. Sequence is the
// slot's ticket + 1 once the entry is complete and 0 while it is being
// written, so a reader that sees the same non-zero Sequence before and after
// copying the fields has a whole entry (a seqlock with one writer per slot).
// Cycles is the raw cycle counter; the dump turns it into clock nanoseconds.
// The meaning of A..F depends on Kind (TraceDump writes each kind's array).
namespace KernelStress.Kernel.Tracing
{
    internal struct TraceEntry
    {
        public ulong Sequence;
        public ulong Cycles;
        public TraceKind Kind;
        public uint A;
        public ulong B;
        public ulong C;
        public ulong D;
        public ulong E;
        public ulong F;
    }
}
