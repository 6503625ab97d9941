// A spinlock that disables interrupts while held, so code holding it cannot be
// preempted or interrupted on its CPU: usable from thread and interrupt context.
// Acquire returns whether interrupts were enabled; Release takes that back, so
// the caller keeps it (on its own stack; for the scheduler lock that matters,
// as the thread that releases it after a switch is not the one that took it).
// On one CPU a held lock is never seen by Acquire; the spin is for SMP.
using System.Threading;
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel.Scheduling
{
    internal struct SpinLock
    {
        private int _held;

        public bool Acquire()
        {
            bool interruptsWereEnabled = Cpu.DisableInterruptsSaving();
            while (Interlocked.CompareExchange(ref _held, 1, 0) != 0)
                Cpu.SpinWaitHint();
            return interruptsWereEnabled;
        }

        // True while some context holds it (on one CPU: the code that was interrupted).
        public bool IsHeld => Volatile.Read(ref _held) != 0;

        public void Release(bool interruptsWereEnabled)
        {
            Volatile.Write(ref _held, 0);
            if (interruptsWereEnabled)
                Cpu.EnableInterrupts();
        }
    }
}
