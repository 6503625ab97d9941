// The preemptive kernel-thread scheduler, for every CPU smp/SecondaryCpus.cs brings up.
// Owns the thread table (MaxThreads KernelThread slots, allocated once), the
// per-CPU table (PerCpu: current thread, idle thread, run queues) and the one
// scheduler lock all CPUs share. Threads: the boot thread becomes thread 0,
// "shell"; thread 1 is the boot CPU's "idle"; each further CPU gets an idle
// thread of its own (PrepareSecondary), which runs on the stack that CPU
// starts on. Idle threads halt when nothing is ready and free detached dead
// threads. Spawn makes the rest, each with a stack and guard page from
// ThreadStacks.
//
// Placement: a thread may be pinned to one CPU (Spawn's cpu argument);
// otherwise it starts on the least loaded CPU, wakes on the CPU it last ran
// on (or an idle one), and a CPU that runs out of work takes an unpinned
// ready thread from another CPU's queues (TakeReady). Making a thread ready
// on another CPU interrupts that CPU (InterProcessorSignal.Reschedule) when
// the thread should run there at once.
//
// Switch path: every switch happens in Schedule, with the scheduler lock held
// and interrupts off, through ContextSwitch.Switch; the thread switched to
// resumes in its own Schedule call (or in ThreadStart on its first run) and
// releases the lock with its own saved interrupt flag.
// Preemption: OnTick (the 1 kHz tick, interrupt context) wakes sleepers whose
// time has come and counts down the running thread's 10 ms slice; either can
// set PerCpu.NeedReschedule. The arch interrupt dispatcher calls
// PreemptIfRequested last, still in interrupt context with interrupts off:
// the interrupted thread is switched out on its own stack, inside its
// interrupt frame (SSE state saved by the entry stub), and returns through
// iret when it is next chosen. A thread-context call that makes a
// higher-priority thread ready switches at once (Yield).
// Switch points: Schedule (Yield, Sleep, blocking, preemption). A killed
// thread dies at its next one; a killed Sleeping or Blocked thread is made
// ready so it gets there.
//
// Faults: a thread spawned as sacrificial that takes a CPU exception is
// killed from the exception handler (ExitAfterFault) and the kernel goes on;
// a fault in any other thread, or with the scheduler lock held, halts.
// SMP: the thread a CPU leaves stays on its queue or wait queue only after its
// registers are saved, because the lock is held across ContextSwitch.Switch
// and released by the thread switched to: no other CPU can pick it up half-saved.
// Invariants: exactly one thread per CPU is Running and it is PerCpu.Current;
// the idle thread is never on a run queue and never blocks; a Dead thread's
// stack is not in use (it switched away for the last time under the lock that
// Join needs); only Join or the reaper turns Dead into Free, once.
// Lock order: the scheduler lock, then the page allocator's (ThreadStacks is
// called only with the scheduler lock released). Mutex has no lock of its own:
// it uses the scheduler lock. Interrupt context may call OnTick and
// PreemptIfRequested only; everything else is thread context.
using System;
using System.Runtime;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Smp;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Sync;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Scheduling
{
    internal static unsafe partial class Scheduler
    {
        public const int MaxThreads = 64;
        public const int AnyCpu = -1;
        public const int NoThread = -1;
        public const int SliceTicks = 10;
        public const int ShellId = 0;
        public const int IdleId = 1;

        private static readonly KernelThread[] s_threads = new KernelThread[MaxThreads];
        private static readonly PerCpu[] s_cpus = new PerCpu[Processors.MaxCpus];
        private static SpinLock s_lock;
        private static int s_nextId;
        private static int s_onlineCpus;
        private static bool s_started;

        // The CPU running this code. Callers hold the lock or have interrupts
        // off, so the thread cannot move to another CPU while it uses the row.
        private static ref PerCpu This => ref s_cpus[Processors.CurrentIndex()];

        // CPUs that run threads: the boot CPU and every CPU that checked in.
        public static int OnlineCpus => Volatile.Read(ref s_onlineCpus);

        // The CPU the caller runs on at the moment of the call (it may move right after, unless pinned).
        public static int CurrentCpu => Processors.CurrentIndex();

        // The boot thread becomes "shell"; "idle" gets a stack. Runs before the tick starts.
        public static void Initialize()
        {
            ref PerCpu cpu = ref This;
            ref KernelThread shell = ref s_threads[ShellId];
            shell.Id = ShellId;
            shell.State = ThreadState.Running;
            shell.Priority = ThreadPriority.Normal;
            shell.SetName("shell"u8);
            shell.StartedNanoseconds = Clock.NowNanoseconds;
            shell.SliceTicksLeft = SliceTicks;
            shell.Switches = 1;
            shell.Affinity = AnyCpu;
            cpu.Current = ShellId;
            cpu.Id = 0;
            cpu.Online = true;

            nuint stack = ThreadStacks.Allocate();
            if (stack == 0)
                Panic.Halt("scheduler"u8, "no memory for the idle thread's stack"u8);
            ref KernelThread idle = ref s_threads[IdleId];
            idle.Id = IdleId;
            idle.State = ThreadState.Ready;
            idle.Priority = ThreadPriority.Idle;
            idle.SetName("idle"u8);
            idle.StackBase = stack;
            idle.Affinity = 0;
            idle.Entry = &IdleLoop;
            idle.SavedStackPointer = ContextSwitch.PrepareStack(ThreadStacks.Top(stack));
            cpu.Idle = IdleId;
            s_nextId = IdleId + 1;
            s_onlineCpus = 1;
            s_started = true;
        }

        public static int CurrentId => s_threads[This.Current].Id;

        // For Mutex: the scheduler lock around BlockOn and WakeOne.
        internal static bool LockScheduler() => s_lock.Acquire();

        internal static void UnlockScheduler(bool interruptsWereEnabled)
        {
            RescheduleIfNeeded();
            s_lock.Release(interruptsWereEnabled);
        }

        // A new Ready thread running entry(argument) at `priority`: its id (>= 0),
        // or a SpawnFailure (< 0). Never panics.
        // A sacrificial thread is one whose CPU exceptions kill only it (ExitAfterFault).
        // `cpu` pins the thread to that online CPU; AnyCpu lets the scheduler place and move it.
        public static int Spawn(ReadOnlySpan<byte> name, delegate*<nint, void> entry, nint argument, ThreadPriority priority,
            bool sacrificial = false, int cpu = AnyCpu)
        {
            if (entry == null || name.Length > KernelThread.MaxNameLength || priority == ThreadPriority.Idle || priority > ThreadPriority.High
                || cpu < AnyCpu || cpu >= OnlineCpus)
                return (int)SpawnFailure.BadArgument;
            nuint stack = ThreadStacks.Allocate();
            if (stack == 0)
                return (int)SpawnFailure.OutOfMemory;
            bool interrupts = s_lock.Acquire();
            int slot = FreeSlot();
            if (slot < 0)
            {
                s_lock.Release(interrupts);
                ThreadStacks.Free(stack);
                return (int)SpawnFailure.TableFull;
            }
            ref KernelThread thread = ref s_threads[slot];
            thread = default;
            thread.Id = s_nextId++;
            thread.Priority = priority;
            thread.SetName(name);
            thread.StackBase = stack;
            thread.Entry = entry;
            thread.Argument = argument;
            thread.Sacrificial = sacrificial;
            thread.Affinity = cpu;
            thread.Cpu = cpu == AnyCpu ? LeastLoadedCpu() : cpu;
            thread.SavedStackPointer = ContextSwitch.PrepareStack(ThreadStacks.Top(stack));
            int id = thread.Id;
            MakeReady(slot);
            RescheduleIfNeeded();
            s_lock.Release(interrupts);
            return id;
        }

        // Gives the CPU to the next ready thread of the same or a higher priority, if any.
        public static void Yield()
        {
            bool interrupts = s_lock.Acquire();
            Schedule();
            s_lock.Release(interrupts);
        }

        // Sleeps at least `milliseconds` on the clock; woken by the first tick after that.
        public static void Sleep(ulong milliseconds)
        {
            bool interrupts = s_lock.Acquire();
            ref KernelThread thread = ref s_threads[This.Current];
            thread.WakeNanoseconds = Clock.NowNanoseconds + milliseconds * 1_000_000;
            thread.State = ThreadState.Sleeping;
            Schedule();
            s_lock.Release(interrupts);
        }

        // Blocks until thread `id` is dead, then frees its stack and slot. False when
        // there is no such joinable thread (unknown, detached, the caller, or joined already).
        public static bool Join(int id) => Join(id, out _);

        // Join that also tells whether the thread died of a CPU exception.
        public static bool Join(int id, out bool faulted)
        {
            faulted = false;
            bool interrupts = s_lock.Acquire();
            while (true)
            {
                int slot = SlotOf(id);
                if (slot < 0 || slot == This.Current || s_threads[slot].Detached)
                {
                    s_lock.Release(interrupts);
                    return false;
                }
                if (s_threads[slot].State == ThreadState.Dead)
                {
                    faulted = s_threads[slot].Faulted;
                    nuint stack = Release(slot);
                    s_lock.Release(interrupts);
                    ThreadStacks.Free(stack);
                    return true;
                }
                BlockOn(ref s_threads[slot].Joiners);
            }
        }

        // Nobody will join thread `id`: once dead, the idle thread frees it.
        public static bool Detach(int id)
        {
            bool interrupts = s_lock.Acquire();
            int slot = SlotOf(id);
            bool known = slot >= 0 && slot != ShellId && !IsIdle(slot);
            if (known)
                s_threads[slot].Detached = true;
            s_lock.Release(interrupts);
            return known;
        }

        // Marks thread `id` to die at its next switch point (waking it if it sleeps
        // or is blocked). False for an unknown or dead thread, the shell and idle.
        // A thread killed while holding a Mutex dies holding it.
        public static bool Kill(int id)
        {
            bool interrupts = s_lock.Acquire();
            int slot = SlotOf(id);
            bool killable = slot >= 0 && slot != ShellId && !IsIdle(slot) && s_threads[slot].State != ThreadState.Dead;
            if (killable)
            {
                ref KernelThread thread = ref s_threads[slot];
                thread.Killed = true;
                if (thread.State == ThreadState.Blocked)
                {
                    Remove(ref *thread.BlockedOn, slot);
                    MakeReady(slot);
                }
                else if (thread.State == ThreadState.Sleeping)
                {
                    MakeReady(slot);
                }
                else if (thread.State == ThreadState.Running && thread.Cpu != This.Id)
                {
                    // Running elsewhere: make that CPU reach a switch point now.
                    s_cpus[thread.Cpu].NeedReschedule = true;
                    SecondaryCpus.Signal(thread.Cpu, InterProcessorSignal.Reschedule);
                }
            }
            RescheduleIfNeeded();
            s_lock.Release(interrupts);
            return killable;
        }

        // A copy of slot `slot` with RunNanoseconds brought up to now; false for a free slot.
        public static bool Snapshot(int slot, out KernelThread copy)
        {
            bool interrupts = s_lock.Acquire();
            copy = s_threads[slot];
            if (copy.State == ThreadState.Running)
                copy.RunNanoseconds += Clock.NowNanoseconds - copy.StartedNanoseconds;
            s_lock.Release(interrupts);
            return copy.State != ThreadState.Free;
        }

        public static int FreeSlots
        {
            get
            {
                bool interrupts = s_lock.Acquire();
                int free = 0;
                for (int i = 0; i < MaxThreads; i++)
                {
                    if (s_threads[i].State == ThreadState.Free)
                        free++;
                }
                s_lock.Release(interrupts);
                return free;
            }
        }

        // Interrupt context, every tick of every CPU: the boot CPU wakes due
        // sleepers; each CPU counts down its thread's slice, and an idle CPU
        // looks for work it could take from the others.
        public static void OnTick()
        {
            if (!s_started)
                return;
            bool interrupts = s_lock.Acquire();
            ref PerCpu cpu = ref This;
            cpu.Ticks++;
            if (cpu.Id == 0)
            {
                ulong now = Clock.NowNanoseconds;
                for (int i = 0; i < MaxThreads; i++)
                {
                    if (s_threads[i].State == ThreadState.Sleeping && s_threads[i].WakeNanoseconds <= now)
                        MakeReady(i);
                }
            }
            if (cpu.Current == cpu.Idle)
            {
                cpu.IdleTicks++;
                if (AnyStealable(cpu.Id))
                    cpu.NeedReschedule = true;
            }
            else if (--s_threads[cpu.Current].SliceTicksLeft <= 0)
            {
                cpu.NeedReschedule = true;
            }
            s_lock.Release(interrupts);
        }

        // Interrupt context (a CPU exception): whether `address` lies in the guard
        // page below the current thread's stack, i.e. the thread overflowed its stack.
        public static bool InCurrentGuardPage(ulong address)
        {
            ulong guard = s_threads[This.Current].StackBase;
            return guard != 0 && address >= guard && address < guard + PageAllocator.PageSize;
        }

        // Interrupt context (a CPU exception): true when the thread that faulted
        // may be killed alone, i.e. it is sacrificial and did not hold the
        // scheduler lock when it faulted (then nothing can be recovered).
        public static bool CanSacrificeCurrent() =>
            s_started && !s_lock.IsHeldByThisCpu && s_threads[This.Current].Sacrificial;

        // Interrupt context, after CanSacrificeCurrent: the faulting thread dies
        // here, its joiners wake, and the CPU switches away for good; its stack
        // (with the abandoned exception frame) is freed by Join or the reaper.
        public static void ExitAfterFault()
        {
            s_lock.Acquire();
            s_threads[This.Current].Faulted = true;
            Exit();
        }

        // Interrupt context, last thing before returning to the interrupted code:
        // the preemption point.
        public static void PreemptIfRequested()
        {
            if (!s_started || !This.NeedReschedule)
                return;
            bool interrupts = s_lock.Acquire();
            Schedule();
            s_lock.Release(interrupts);
        }

        // Lock held. Picks the next thread (the current one goes to the back of its
        // run queue if it is still Running) and switches to it. Returns when this
        // thread is chosen again; a killed thread never returns from here.
        private static void Schedule()
        {
            ref PerCpu cpu = ref This;
            int previous = cpu.Current;
            ref KernelThread current = ref s_threads[previous];
            cpu.NeedReschedule = false;
            if (current.State == ThreadState.Running)
            {
                current.State = ThreadState.Ready;
                if (previous != cpu.Idle)
                    Enqueue(ref RunQueue(ref cpu, current.Priority), previous);
            }
            int next = TakeReady(ref cpu);
            if (next < 0)
                next = cpu.Idle;
            ref KernelThread chosen = ref s_threads[next];
            chosen.State = ThreadState.Running;
            chosen.SliceTicksLeft = SliceTicks;
            if (chosen.Cpu != cpu.Id)
                chosen.Migrations++;
            chosen.Cpu = cpu.Id;
            if (next != previous)
            {
                ulong now = Clock.NowNanoseconds;
                current.RunNanoseconds += now - current.StartedNanoseconds;
                chosen.StartedNanoseconds = now;
                chosen.Switches++;
                cpu.Switches++;
                cpu.Current = next;
                fixed (nuint* save = &current.SavedStackPointer)
                    ContextSwitch.Switch(save, chosen.SavedStackPointer);
            }
            if (s_threads[This.Current].Killed)
                Exit();
        }

        // Lock held: the current thread dies, its joiners wake, and it switches away for good.
        private static void Exit()
        {
            ref KernelThread thread = ref s_threads[This.Current];
            thread.State = ThreadState.Dead;
            WakeAll(ref thread.Joiners);
            Schedule();
            Panic.Halt("scheduler"u8, "a dead thread was scheduled again"u8);
        }

        // Lock held, thread context: a thread just made ready outranks the current one.
        private static void RescheduleIfNeeded()
        {
            if (This.NeedReschedule)
                Schedule();
        }

        // A thread's first instructions, entered from ks_thread_trampoline after its
        // first switch, with the scheduler lock held.
        [RuntimeExport("ks_thread_start")]
        private static void ThreadStart()
        {
            ref KernelThread thread = ref s_threads[This.Current];
            delegate*<nint, void> entry = thread.Entry;
            nint argument = thread.Argument;
            bool killed = thread.Killed;
            s_lock.Release(true);
            if (!killed)
                entry(argument);
            s_lock.Acquire();
            Exit();
        }

        private static bool IsIdle(int slot) => s_threads[slot].Priority == ThreadPriority.Idle;

        private static void IdleLoop(nint unused)
        {
            while (true)
            {
                ReapDetached();
                Cpu.WaitForInterrupt();
            }
        }

        private static void ReapDetached()
        {
            while (true)
            {
                bool interrupts = s_lock.Acquire();
                int slot = -1;
                for (int i = 0; i < MaxThreads && slot < 0; i++)
                {
                    if (s_threads[i].State == ThreadState.Dead && s_threads[i].Detached)
                        slot = i;
                }
                nuint stack = slot >= 0 ? Release(slot) : 0;
                s_lock.Release(interrupts);
                if (stack == 0)
                    return;
                ThreadStacks.Free(stack);
            }
        }

        // Lock held: frees a dead thread's slot; returns its stack for the caller to free unlocked.
        private static nuint Release(int slot)
        {
            nuint stack = s_threads[slot].StackBase;
            s_threads[slot] = default;
            return stack;
        }

        private static int FreeSlot()
        {
            for (int i = 0; i < MaxThreads; i++)
            {
                if (s_threads[i].State == ThreadState.Free)
                    return i;
            }
            return -1;
        }

        private static int SlotOf(int id)
        {
            for (int i = 0; i < MaxThreads; i++)
            {
                if (s_threads[i].State != ThreadState.Free && s_threads[i].Id == id)
                    return i;
            }
            return -1;
        }
    }
}
