// A latched wake-up: Raise (thread or interrupt context) sets it and wakes
// every waiter; Wait (thread context) returns at once if it is set, else
// blocks until it is, and clears it. Both run under the scheduler lock, so a
// Raise between a waiter's last check of its condition and its Wait is never
// lost: the waiter finds the latch set. Used for input arriving by interrupt
// (UartInput wakes the shell).
namespace KernelStress.Kernel.Scheduling
{
    internal struct Signal
    {
        public WaitQueue Waiters;
        public bool Pending;
    }
}
