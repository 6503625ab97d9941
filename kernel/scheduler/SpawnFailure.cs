// Why Scheduler.Spawn made no thread: its negative return values (a thread id is >= 0).
namespace KernelStress.Kernel.Scheduling
{
    internal enum SpawnFailure
    {
        // All Scheduler.MaxThreads slots are taken (dead threads hold theirs until joined).
        TableFull = -1,
        // The page allocator had no run of pages for the stack and its guard page.
        OutOfMemory = -2,
        // No entry, a name longer than KernelThread.MaxNameLength, or the Idle priority.
        BadArgument = -3,
    }
}
