// One slot of the scheduler's fixed thread table (Scheduler.s_threads, 64 slots
// allocated once at start-up). Every field is guarded by the scheduler lock;
// readers outside the scheduler get a copy (Scheduler.Snapshot).
// Invariants: Next is non-zero only while the thread is on one WaitQueue (its
// run queue when Ready, BlockedOn when Blocked); a Running, Sleeping or Dead
// thread is on no queue. StackBase is the guard page (unmapped) below the
// stack; 0 for the boot thread, which keeps the boot stack.
using System;

namespace KernelStress.Kernel.Scheduling
{
    internal unsafe struct KernelThread
    {
        public const int MaxNameLength = 16;

        public int Id;
        public ThreadState State;
        public ThreadPriority Priority;
        // Kill asked it to die at its next switch point.
        public bool Killed;
        // Nobody will join it: the idle thread frees it once dead.
        public bool Detached;
        // A CPU exception in it kills only it (Scheduler.ExitAfterFault)
        // instead of halting the kernel.
        public bool Sacrificial;
        // It died of a CPU exception.
        public bool Faulted;
        // The CPU it last ran on (before its first run: the one it was placed on).
        public int Cpu;
        // The CPU it is pinned to, or Scheduler.AnyCpu.
        public int Affinity;
        // How many times it was switched in on a CPU other than the one before.
        public ulong Migrations;
        public int Next;
        public WaitQueue* BlockedOn;
        // Threads blocked in Join on this one.
        public WaitQueue Joiners;
        public nuint SavedStackPointer;
        public nuint StackBase;
        public delegate*<nint, void> Entry;
        public nint Argument;
        public ulong WakeNanoseconds;
        public int SliceTicksLeft;
        // Clock time when it was last switched in, and its CPU time before that.
        public ulong StartedNanoseconds;
        public ulong RunNanoseconds;
        // How many times it was switched in.
        public ulong Switches;
        private ulong _name0;
        private ulong _name1;
        private int _nameLength;

        public void SetName(ReadOnlySpan<byte> name)
        {
            fixed (ulong* bytes = &_name0)
                name.CopyTo(new Span<byte>(bytes, MaxNameLength));
            _nameLength = name.Length;
        }

        // Copies the name into `destination` (MaxNameLength bytes); returns its length.
        public int CopyName(Span<byte> destination)
        {
            fixed (ulong* bytes = &_name0)
                new Span<byte>(bytes, _nameLength).CopyTo(destination);
            return _nameLength;
        }
    }
}
