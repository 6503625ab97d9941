// A FIFO of threads, linked through KernelThread.Next: the run queues (one per
// priority in PerCpu) and the queues threads block on (a Mutex's waiters, a
// thread's joiners). Links are slot + 1, so a zeroed queue is empty.
// Only the scheduler touches a queue, always under its lock (Scheduler.Queues.cs).
namespace KernelStress.Kernel.Scheduling
{
    internal struct WaitQueue
    {
        public int First;
        public int Last;

        public bool IsEmpty => First == 0;
    }
}
