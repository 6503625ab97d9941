// A spinlock that disables interrupts while held, so code holding it cannot be
// preempted or interrupted on its CPU: usable from thread and interrupt context.
// Acquire returns whether interrupts were enabled; Release takes that back, so
// the caller keeps it (on its own stack; for the scheduler lock that matters,
// as the thread that releases it after a switch is not the one that took it).
// The lock word holds the owning CPU's index + 1, so a CPU that takes a lock
// it already holds is a panic (it would spin forever), and a fault handler can
// tell "held here" (unrecoverable) from "held by another CPU" (it will be released).
using System.Threading;
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel.Sync
{
    internal struct SpinLock
    {
        private int _owner;

        public bool Acquire()
        {
            bool interruptsWereEnabled = Cpu.DisableInterruptsSaving();
            int me = Processors.CurrentIndex() + 1;
            if (Volatile.Read(ref _owner) == me)
                Panic.Halt("spinlock"u8, "a CPU took a spinlock it already holds"u8);
            while (Interlocked.CompareExchange(ref _owner, me, 0) != 0)
                Cpu.SpinWaitHint();
            return interruptsWereEnabled;
        }

        // True while this CPU holds it (in a fault handler: the code that faulted held it).
        public bool IsHeldByThisCpu => Volatile.Read(ref _owner) == Processors.CurrentIndex() + 1;

        public void Release(bool interruptsWereEnabled)
        {
            Volatile.Write(ref _owner, 0);
            if (interruptsWereEnabled)
                Cpu.EnableInterrupts();
        }
    }
}
