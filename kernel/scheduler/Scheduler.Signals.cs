// Signal's operations, inside the scheduler because they block and wake
// threads under its lock (see Signal.cs).
namespace KernelStress.Kernel.Scheduling
{
    internal static partial class Scheduler
    {
        // Thread context: returns once `signal` is set, and clears it.
        public static void Wait(ref Signal signal)
        {
            bool interrupts = s_lock.Acquire();
            while (!signal.Pending)
                BlockOn(ref signal.Waiters);
            signal.Pending = false;
            s_lock.Release(interrupts);
        }

        // Thread or interrupt context: sets `signal` and wakes its waiters.
        public static void Raise(ref Signal signal)
        {
            bool interrupts = s_lock.Acquire();
            signal.Pending = true;
            WakeAll(ref signal.Waiters);
            s_lock.Release(interrupts);
        }
    }
}
