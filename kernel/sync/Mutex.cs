// A blocking mutual-exclusion lock for thread context: a thread that finds it
// taken sleeps on its wait queue instead of spinning, and Unlock hands the
// mutex straight to the first waiter (FIFO, so no waiter starves).
// Guarded by the scheduler lock (no lock of its own): it ranks with it, before
// the page allocator's. Not for interrupt context, not recursive; unlocking a
// mutex the caller does not hold is a panic. Allocate one at start-up (a
// static readonly field): it is a managed object.
using KernelStress.Kernel.Scheduling;

namespace KernelStress.Kernel.Sync
{
    internal sealed class Mutex
    {
        private int _owner = Scheduler.NoThread;
        private WaitQueue _waiters;
        private ulong _contentions;

        // How many Lock calls found the mutex taken and had to wait.
        public ulong Contentions => _contentions;

        public void Lock()
        {
            bool interrupts = Scheduler.LockScheduler();
            int me = Scheduler.CurrentId;
            if (_owner == Scheduler.NoThread)
            {
                _owner = me;
            }
            else
            {
                if (_owner == me)
                    Panic.Halt("mutex"u8, "a thread locked a mutex it already holds"u8);
                _contentions++;
                // Unlock makes the waiter the owner before it wakes.
                Scheduler.BlockOn(ref _waiters);
            }
            Scheduler.UnlockScheduler(interrupts);
        }

        public void Unlock()
        {
            bool interrupts = Scheduler.LockScheduler();
            if (_owner != Scheduler.CurrentId)
                Panic.Halt("mutex"u8, "a thread unlocked a mutex it does not hold"u8);
            _owner = Scheduler.WakeOne(ref _waiters);
            Scheduler.UnlockScheduler(interrupts);
        }
    }
}
