// What the scheduler keeps per CPU, in a table indexed by CPU id
// (Scheduler.s_cpus): the thread it runs, its idle thread, its run queues (one
// per priority above Idle) and whether it must reschedule on its way out of
// the current interrupt. Guarded by the scheduler lock. One CPU today: a second
// one gets its own entry, idle thread and queues.
namespace KernelStress.Kernel.Scheduling
{
    internal struct PerCpu
    {
        public int Id;
        // Slots in the thread table.
        public int Current;
        public int Idle;
        public bool NeedReschedule;
        public ulong Switches;
        // In priority order; Scheduler.RunQueue indexes them by ThreadPriority.
        public WaitQueue ReadyLow;
        public WaitQueue ReadyNormal;
        public WaitQueue ReadyHigh;
    }
}
