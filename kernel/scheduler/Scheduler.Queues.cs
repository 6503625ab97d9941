// The scheduler's queue operations on WaitQueue (run queues and wait queues).
// Lock held by every caller.
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Smp;

namespace KernelStress.Kernel.Scheduling
{
    internal static unsafe partial class Scheduler
    {
        private static void Enqueue(ref WaitQueue queue, int slot)
        {
            s_threads[slot].Next = 0;
            if (queue.Last == 0)
                queue.First = slot + 1;
            else
                s_threads[queue.Last - 1].Next = slot + 1;
            queue.Last = slot + 1;
        }

        // The first thread's slot, taken off the queue, or -1 when it is empty.
        private static int Dequeue(ref WaitQueue queue)
        {
            if (queue.First == 0)
                return -1;
            int slot = queue.First - 1;
            queue.First = s_threads[slot].Next;
            if (queue.First == 0)
                queue.Last = 0;
            s_threads[slot].Next = 0;
            return slot;
        }

        private static void Remove(ref WaitQueue queue, int slot)
        {
            int previous = 0;
            for (int link = queue.First; link != 0; link = s_threads[link - 1].Next)
            {
                if (link - 1 != slot)
                {
                    previous = link;
                    continue;
                }
                int next = s_threads[slot].Next;
                if (previous == 0)
                    queue.First = next;
                else
                    s_threads[previous - 1].Next = next;
                if (queue.Last == link)
                    queue.Last = previous;
                s_threads[slot].Next = 0;
                return;
            }
        }

        private static ref WaitQueue RunQueue(ref PerCpu cpu, ThreadPriority priority)
        {
            if (priority == ThreadPriority.High)
                return ref cpu.ReadyHigh;
            if (priority == ThreadPriority.Normal)
                return ref cpu.ReadyNormal;
            return ref cpu.ReadyLow;
        }

        // The highest-priority ready thread for `cpu`, taken off its queue, or -1:
        // its own queues first; if they are empty, the highest-priority unpinned
        // thread waiting on another CPU (so no CPU idles while work waits).
        private static int TakeReady(ref PerCpu cpu)
        {
            int slot = Dequeue(ref cpu.ReadyHigh);
            if (slot < 0)
                slot = Dequeue(ref cpu.ReadyNormal);
            if (slot < 0)
                slot = Dequeue(ref cpu.ReadyLow);
            if (slot < 0)
                slot = Steal(cpu.Id);
            return slot;
        }

        private static int Steal(int thief)
        {
            for (ThreadPriority priority = ThreadPriority.High; priority > ThreadPriority.Idle; priority--)
            {
                for (int other = 0; other < Processors.MaxCpus; other++)
                {
                    if (other == thief || !s_cpus[other].Online)
                        continue;
                    ref WaitQueue queue = ref RunQueue(ref s_cpus[other], priority);
                    for (int link = queue.First; link != 0; link = s_threads[link - 1].Next)
                    {
                        if (s_threads[link - 1].Affinity == AnyCpu)
                        {
                            Remove(ref queue, link - 1);
                            return link - 1;
                        }
                    }
                }
            }
            return -1;
        }

        // Whether some other CPU has an unpinned thread waiting (an idle CPU's tick asks).
        private static bool AnyStealable(int thief)
        {
            for (int other = 0; other < Processors.MaxCpus; other++)
            {
                if (other == thief || !s_cpus[other].Online)
                    continue;
                ref PerCpu cpu = ref s_cpus[other];
                if (HasUnpinned(ref cpu.ReadyHigh) || HasUnpinned(ref cpu.ReadyNormal) || HasUnpinned(ref cpu.ReadyLow))
                    return true;
            }
            return false;
        }

        private static bool HasUnpinned(ref WaitQueue queue)
        {
            for (int link = queue.First; link != 0; link = s_threads[link - 1].Next)
            {
                if (s_threads[link - 1].Affinity == AnyCpu)
                    return true;
            }
            return false;
        }

        // The online CPU with the fewest threads running or waiting (lowest index on a tie).
        private static int LeastLoadedCpu()
        {
            int best = 0;
            int bestLoad = int.MaxValue;
            for (int i = 0; i < Processors.MaxCpus; i++)
            {
                if (!s_cpus[i].Online)
                    continue;
                ref PerCpu cpu = ref s_cpus[i];
                int load = Length(ref cpu.ReadyHigh) + Length(ref cpu.ReadyNormal) + Length(ref cpu.ReadyLow)
                    + (cpu.Current != cpu.Idle ? 1 : 0);
                if (load < bestLoad)
                {
                    best = i;
                    bestLoad = load;
                }
            }
            return best;
        }

        private static int Length(ref WaitQueue queue)
        {
            int length = 0;
            for (int link = queue.First; link != 0; link = s_threads[link - 1].Next)
                length++;
            return length;
        }

        // Queues the thread on its CPU: the pinned one, else the one it last ran
        // on unless that one is busy and another is idle. Interrupts the target
        // when the thread outranks what it runs.
        private static void MakeReady(int slot)
        {
            ref KernelThread thread = ref s_threads[slot];
            int target = thread.Affinity != AnyCpu ? thread.Affinity : thread.Cpu;
            if (thread.Affinity == AnyCpu && s_cpus[target].Current != s_cpus[target].Idle)
                target = IdleCpuOr(target);
            ref PerCpu cpu = ref s_cpus[target];
            thread.State = ThreadState.Ready;
            thread.BlockedOn = null;
            Enqueue(ref RunQueue(ref cpu, thread.Priority), slot);
            if (thread.Priority > s_threads[cpu.Current].Priority && !cpu.NeedReschedule)
            {
                cpu.NeedReschedule = true;
                if (target != This.Id)
                    SecondaryCpus.Signal(target, InterProcessorSignal.Reschedule);
            }
        }

        private static int IdleCpuOr(int fallback)
        {
            for (int i = 0; i < Processors.MaxCpus; i++)
            {
                ref PerCpu cpu = ref s_cpus[i];
                if (cpu.Online && cpu.Current == cpu.Idle && cpu.ReadyHigh.IsEmpty && cpu.ReadyNormal.IsEmpty && cpu.ReadyLow.IsEmpty)
                    return i;
            }
            return fallback;
        }

        // Blocks the current thread on `queue` until WakeOne/WakeAll (or Kill) makes it ready.
        internal static void BlockOn(ref WaitQueue queue)
        {
            int slot = This.Current;
            s_threads[slot].State = ThreadState.Blocked;
            s_threads[slot].BlockedOn = (WaitQueue*)Unsafe.AsPointer(ref queue);
            Enqueue(ref queue, slot);
            Schedule();
        }

        // Makes the first waiter ready; returns its thread id, or NoThread.
        internal static int WakeOne(ref WaitQueue queue)
        {
            int slot = Dequeue(ref queue);
            if (slot < 0)
                return NoThread;
            MakeReady(slot);
            return s_threads[slot].Id;
        }

        private static void WakeAll(ref WaitQueue queue)
        {
            int slot;
            while ((slot = Dequeue(ref queue)) >= 0)
                MakeReady(slot);
        }
    }
}
