// The scheduler's per-CPU side: bringing a further CPU in (its idle thread
// and stack, then its check-in), copies of a CPU's row for `cpus`, the racy
// look at what a CPU runs for the watchdog, and the count of reschedule
// signals a CPU took. The invariants and lock rules are Scheduler.cs's.
using System;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Scheduling
{
    internal static unsafe partial class Scheduler
    {
        // Boot CPU, thread context: an idle thread for CPU `index` with a stack,
        // which that CPU starts on (EnterSecondary). Returns the stack's top, or 0
        // when there is no memory or no free slot.
        public static nuint PrepareSecondary(int index)
        {
            nuint stack = ThreadStacks.Allocate();
            if (stack == 0)
                return 0;
            bool interrupts = s_lock.Acquire();
            int slot = FreeSlot();
            if (slot >= 0)
            {
                ref KernelThread idle = ref s_threads[slot];
                idle = default;
                idle.Id = s_nextId++;
                idle.State = ThreadState.Ready;
                idle.Priority = ThreadPriority.Idle;
                idle.SetName("idle"u8);
                idle.StackBase = stack;
                idle.Cpu = index;
                idle.Affinity = index;
                ref PerCpu cpu = ref s_cpus[index];
                cpu = default;
                cpu.Id = index;
                cpu.Idle = slot;
                cpu.Current = slot;
            }
            s_lock.Release(interrupts);
            if (slot < 0)
            {
                ThreadStacks.Free(stack);
                return 0;
            }
            return ThreadStacks.Top(stack);
        }

        // CPU `index`, on the stack PrepareSecondary gave it, interrupts off and
        // its tick running: it joins the scheduler as its idle thread and never returns.
        public static void EnterSecondary(int index)
        {
            bool interrupts = s_lock.Acquire();
            ref PerCpu cpu = ref s_cpus[index];
            ref KernelThread idle = ref s_threads[cpu.Idle];
            idle.State = ThreadState.Running;
            idle.StartedNanoseconds = Clock.NowNanoseconds;
            idle.Switches = 1;
            cpu.Online = true;
            Volatile.Write(ref s_onlineCpus, s_onlineCpus + 1);
            s_lock.Release(interrupts);
            Cpu.EnableInterrupts();
            IdleLoop(0);
        }

        // Without the lock (the watchdog asks about a CPU that may be stuck holding
        // it): the thread CPU `index` runs, its id and name as of a racy read.
        public static bool PeekCurrent(int index, out int id, Span<byte> name, out int nameLength)
        {
            int slot = Volatile.Read(ref s_cpus[index].Current);
            id = s_threads[slot].Id;
            nameLength = s_threads[slot].CopyName(name);
            return s_cpus[index].Online;
        }

        // A copy of CPU `index`'s row and how many threads wait in its run queues;
        // false for a CPU that is not online.
        public static bool SnapshotCpu(int index, out PerCpu copy, out int ready)
        {
            bool interrupts = s_lock.Acquire();
            copy = s_cpus[index];
            ready = Length(ref copy.ReadyHigh) + Length(ref copy.ReadyNormal) + Length(ref copy.ReadyLow);
            s_lock.Release(interrupts);
            return copy.Online;
        }

        // Interrupt context, on a reschedule signal from another CPU (or this one):
        // counted for `cpus` and the interrupt storm. Only this CPU writes its row's counter.
        public static void OnSignalReceived() => This.SignalsReceived++;
    }
}
