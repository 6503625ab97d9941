// Host twin of CurrentShard: on the host the unit that runs concurrently is
// the thread, so each thread gets its own index, handed out round-robin on
// its first call and kept for its life. Up to a histogram's shard count,
// concurrently recording threads never share a shard (the kernel's per-CPU
// index gives the same guarantee for CPUs); beyond it they share, which the
// contract allows.
using System;
using System.Threading;

namespace KernelStress.Metrics;

internal static partial class CurrentShard
{
    [ThreadStatic]
    private static int t_index; // this thread's index + 1; 0 until assigned

    private static int s_assigned;

    internal static partial int Index()
    {
        int index = t_index;
        if (index == 0)
        {
            index = Interlocked.Increment(ref s_assigned);
            t_index = index;
        }
        return (index - 1) & int.MaxValue;
    }
}
