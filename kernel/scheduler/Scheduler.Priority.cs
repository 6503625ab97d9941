using KernelStress.Kernel.Arch;
// Changing a live thread's priority: what the autonomy controller's priority
// boost does for a thread that misses its deadlines. A Ready thread moves to
// its new run queue at the back; a thread that now outranks the running one
// gets the CPU at the next switch point.
namespace KernelStress.Kernel.Scheduling
{
    internal static partial class Scheduler
    {
        // False for an unknown or dead thread, the shell, idle, or an invalid level.
        public static bool SetPriority(int id, ThreadPriority priority)
        {
            if (priority == ThreadPriority.Idle || priority > ThreadPriority.High)
                return false;
            bool interrupts = s_lock.Acquire();
            int slot = SlotOf(id);
            bool known = slot >= 0 && slot != ShellId && slot != IdleId && s_threads[slot].State != ThreadState.Dead;
            if (known)
            {
                ref KernelThread thread = ref s_threads[slot];
                if (thread.State == ThreadState.Ready)
                {
                    // Queued on some online CPU; Remove does nothing on the others.
                    for (int i = 0; i < Processors.MaxCpus; i++)
                        Remove(ref RunQueue(ref s_cpus[i], thread.Priority), slot);
                    thread.Priority = priority;
                    MakeReady(slot);
                }
                else
                {
                    thread.Priority = priority;
                }
            }
            RescheduleIfNeeded();
            s_lock.Release(interrupts);
            return known;
        }
    }
}
