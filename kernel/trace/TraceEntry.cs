// One slot of a CPU's trace ring: 64 bytes, one cache line. Sequence is the
// slot's ticket + 1 once the entry is complete and 0 while it is being
// written, so a reader that sees the same non-zero Sequence before and after
// copying the fields has a whole entry (a seqlock with one writer per slot).
// Time is the raw cycle counter, except for a Switch: the clock's nanoseconds
// the scheduler read for the switch (TraceDump turns both into nanoseconds).
// The meaning of A..E depends on Kind (KernelTrace lists them).
namespace KernelStress.Kernel.Tracing
{
    internal struct TraceEntry
    {
        public ulong Sequence;
        public ulong Time;
        public TraceKind Kind;
        public uint A;
        public ulong B;
        public ulong C;
        public ulong D;
        public ulong E;
        public ulong Padding;
    }
}
