// Scheduling priorities: a ready thread of a higher level always runs before a
// lower one; threads of one level take turns (round robin, 10 ms slices).
// Idle is the idle thread's alone and never queued.
namespace KernelStress.Kernel.Scheduling
{
    internal enum ThreadPriority : byte
    {
        Idle = 0,
        Low = 1,
        Normal = 2,
        High = 3,
        Count,
    }
}
