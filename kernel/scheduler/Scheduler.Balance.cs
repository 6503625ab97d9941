using KernelStress.Kernel.Arch;
// Rebalancing on request (the autonomy controller's "rebalance across CPUs"):
// the spread of load over the online CPUs, and moving one unpinned ready
// thread from the most loaded CPU's run queues to the least loaded CPU.
// Idle CPUs already take work on their own (Steal); this evens out CPUs that
// are all busy but unequally queued. Load = threads waiting in a CPU's run
// queues plus the one it runs (its idle thread not counted).
namespace KernelStress.Kernel.Scheduling
{
    internal static partial class Scheduler
    {
        // The most loaded online CPU's load minus the least loaded one's.
        public static int LoadSpread()
        {
            bool interrupts = s_lock.Acquire();
            int spread = LoadExtremes(out _, out _);
            s_lock.Release(interrupts);
            return spread;
        }

        // Moves one unpinned ready thread (the highest priority found) from the
        // most loaded CPU to the least loaded when their loads differ by two or
        // more; false when they do not or nothing there may move.
        public static bool MoveOneReady()
        {
            bool interrupts = s_lock.Acquire();
            bool moved = false;
            if (LoadExtremes(out int busiest, out int idlest) >= 2)
            {
                for (ThreadPriority priority = ThreadPriority.High; priority > ThreadPriority.Idle && !moved; priority--)
                {
                    ref WaitQueue queue = ref RunQueue(ref s_cpus[busiest], priority);
                    for (int link = queue.First; link != 0; link = s_threads[link - 1].Next)
                    {
                        int slot = link - 1;
                        if (s_threads[slot].Affinity != AnyCpu)
                            continue;
                        Remove(ref queue, slot);
                        s_threads[slot].Cpu = idlest;
                        MakeReady(slot);
                        moved = true;
                        break;
                    }
                }
            }
            s_lock.Release(interrupts);
            return moved;
        }

        private static int Load(int cpu)
        {
            ref PerCpu row = ref s_cpus[cpu];
            return Length(ref row.ReadyHigh) + Length(ref row.ReadyNormal) + Length(ref row.ReadyLow)
                + (row.Current != row.Idle ? 1 : 0);
        }

        // Lock held: the most and least loaded online CPUs; returns their loads' difference.
        private static int LoadExtremes(out int busiest, out int idlest)
        {
            busiest = 0;
            idlest = 0;
            int most = Load(0);
            int least = most;
            for (int i = 1; i < Processors.MaxCpus; i++)
            {
                if (!s_cpus[i].Online)
                    continue;
                int load = Load(i);
                if (load > most)
                {
                    most = load;
                    busiest = i;
                }
                if (load < least)
                {
                    least = load;
                    idlest = i;
                }
            }
            return most - least;
        }
    }
}
