// The life of a kernel thread's slot in the scheduler's table. A slot goes
// Free -> Ready <-> Running, Running -> Sleeping | Blocked -> Ready, and
// Running -> Dead -> Free (when joined, or reaped by the idle thread when detached).
namespace KernelStress.Kernel.Scheduling
{
    internal enum ThreadState : byte
    {
        Free = 0,
        // On its priority's run queue.
        Ready,
        // On a CPU (PerCpu.Current).
        Running,
        // Waiting for its wake time (KernelThread.WakeNanoseconds), checked every tick.
        Sleeping,
        // On a wait queue (KernelThread.BlockedOn): a mutex, or a thread it joins.
        Blocked,
        // Finished or killed; its stack and slot wait for Join (or the reaper).
        Dead,
        Count,
    }
}
