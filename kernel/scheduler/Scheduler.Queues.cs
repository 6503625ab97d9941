// The scheduler's queue operations on WaitQueue (run queues and wait queues).
// Lock held by every caller.
using System.Runtime.CompilerServices;

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

        // The highest-priority ready thread, taken off its queue, or -1.
        private static int TakeReady(ref PerCpu cpu)
        {
            int slot = Dequeue(ref cpu.ReadyHigh);
            if (slot < 0)
                slot = Dequeue(ref cpu.ReadyNormal);
            if (slot < 0)
                slot = Dequeue(ref cpu.ReadyLow);
            return slot;
        }

        private static void MakeReady(int slot)
        {
            ref KernelThread thread = ref s_threads[slot];
            ref PerCpu cpu = ref This;
            thread.State = ThreadState.Ready;
            thread.BlockedOn = null;
            Enqueue(ref RunQueue(ref cpu, thread.Priority), slot);
            if (thread.Priority > s_threads[cpu.Current].Priority)
                cpu.NeedReschedule = true;
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
