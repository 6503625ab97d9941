// What the scheduler keeps per CPU, in a table indexed by CPU index
// (Scheduler.s_cpus): the thread it runs, its idle thread, its run queues (one
// per priority above Idle), whether it must reschedule on its way out of the
// current interrupt, and its counters. Guarded by the scheduler lock.
namespace KernelStress.Kernel.Scheduling
{
    internal struct PerCpu
    {
        public int Id;
        // Checked in and running threads (the boot CPU from Scheduler.Initialize).
        public bool Online;
        // Slots in the thread table.
        public int Current;
        public int Idle;
        public bool NeedReschedule;
        public ulong Switches;
        // Timer ticks taken, and how many of them found the idle thread running.
        public ulong Ticks;
        public ulong IdleTicks;
        // Reschedule signals (IPIs) taken; written by this CPU only, in its handler.
        public ulong SignalsReceived;
        // In priority order; Scheduler.RunQueue indexes them by ThreadPriority.
        public WaitQueue ReadyLow;
        public WaitQueue ReadyNormal;
        public WaitQueue ReadyHigh;
    }
}
