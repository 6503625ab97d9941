// The scheduler's checks, run inside the kernel only (`selftest sched`, KTAP):
// spawn and join, atomic counting across threads, yield, sleep accuracy,
// preemption of a CPU hog by equal- and higher-priority threads, a mutex under
// preemption, kill of a sleeping thread, and that join gives back the stack
// pages and the slot (also when the table is full); on SMP, exact atomic
// counting by one pinned thread per CPU, and unpinned threads spreading over
// every CPU. Cases about preemption and yield pin their threads to CPU 0, so
// they test switching on one CPU and not parallel running on two. The shell thread runs the
// cases and joins every thread it spawns; the threads share state through a
// struct on the shell's stack (passed as the entry's argument), which outlives
// them because Join returns only once they are dead. The runner checks the
// free pages and heap around each case (MemoryBalance).
using System;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Sync;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.SelfTest
{
    internal static unsafe class SchedSelfTest
    {
        private const ulong Millisecond = 1_000_000;

        private static readonly Mutex s_mutex = new Mutex();

        // What a case's threads share; lives on the shell's stack for the case.
        private struct Shared
        {
            public int Counter;
            public int Flag;
            public int SawFlag;
            public int LogLength;
            public int Total;
            public int Unprotected;
            public ulong Deadline;
            public ulong Started;
            public ulong Finished;
            // Timer ticks counted across the same span. Upper bounds on lateness
            // are checked in ticks, not nanoseconds: on a loaded host QEMU delivers
            // ticks late or drops them, which stretches wall time but never adds ticks.
            public ulong StartTick;
            public ulong FinishTick;
            // A hog spins until Flag is set or CPU 0's tick count reaches this.
            public ulong HogUntilTick;
            public int* Log;
        }

        // One thread's view: the shared state and its own tag.
        private struct Worker
        {
            public Shared* Shared;
            public int Tag;
        }

        private static readonly SelfTestCase[] s_cases =
        {
            new SelfTestCase("spawn_join_runs_entry_once"u8, &SpawnJoin),
            new SelfTestCase("interlocked_counter_exact_total"u8, &InterlockedCounter),
            new SelfTestCase("yield_interleaves_two_threads"u8, &YieldInterleaves),
            new SelfTestCase("sleep_wakes_after_requested_time"u8, &SleepAccuracy),
            new SelfTestCase("hog_does_not_starve_equal_priority"u8, &HogVersusEqual),
            new SelfTestCase("higher_priority_preempts_hog"u8, &HogVersusHigher),
            new SelfTestCase("mutex_exclusion_under_preemption"u8, &MutexExclusion),
            new SelfTestCase("kill_sleeping_thread"u8, &KillSleeping),
            new SelfTestCase("join_frees_stack_and_slot"u8, &JoinFrees),
            new SelfTestCase("pinned_counters_exact_on_every_cpu"u8, &PinnedCounters),
            new SelfTestCase("unpinned_threads_reach_every_cpu"u8, &UnpinnedSpread),
        };

        public static int Count => s_cases.Length;

        public static ReadOnlySpan<byte> Name(int index) => s_cases[index].Name.Span;

        public static bool Run(int index, out ReadOnlySpan<byte> reason) => SelfTestCase.Run(s_cases, index, out reason);

        private static bool SpawnJoin(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            int id = Scheduler.Spawn("once"u8, &IncrementOnce, (nint)(&shared), ThreadPriority.Normal);
            bool joined = id >= 0 && Scheduler.Join(id);
            bool joinedTwice = id >= 0 && Scheduler.Join(id);
            if (!joined)
                reason = "spawn failed or join did not return true"u8;
            else if (shared.Counter != 1)
                reason = "the entry did not run exactly once"u8;
            else if (joinedTwice)
                reason = "a second join of the same thread succeeded"u8;
            return joined && shared.Counter == 1 && !joinedTwice;
        }

        private static bool InterlockedCounter(ref ReadOnlySpan<byte> reason)
        {
            const int Threads = 8;
            Shared shared = default;
            Span<int> ids = stackalloc int[Threads];
            bool ok = true;
            for (int i = 0; i < Threads; i++)
            {
                ids[i] = Scheduler.Spawn("count"u8, &IncrementMany, (nint)(&shared), ThreadPriority.Normal);
                ok &= ids[i] >= 0;
            }
            for (int i = 0; i < Threads; i++)
                ok &= ids[i] < 0 || Scheduler.Join(ids[i]);
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (shared.Counter != Threads * 20_000)
                reason = "the total is not 8 x 20000"u8;
            return ok && shared.Counter == Threads * 20_000;
        }

        private static bool YieldInterleaves(ref ReadOnlySpan<byte> reason)
        {
            const int Rounds = 5;
            Shared shared = default;
            int* log = stackalloc int[2 * Rounds];
            shared.Log = log;
            Worker a = new Worker { Shared = &shared, Tag = 1 };
            Worker b = new Worker { Shared = &shared, Tag = 2 };
            int first = Scheduler.Spawn("yield-a"u8, &LogAndYield, (nint)(&a), ThreadPriority.Normal, cpu: 0);
            int second = Scheduler.Spawn("yield-b"u8, &LogAndYield, (nint)(&b), ThreadPriority.Normal, cpu: 0);
            bool ok = first >= 0 && second >= 0;
            // Both exist before either logs (on SMP, CPU 0 may start the first at once).
            Volatile.Write(ref shared.Flag, 1);
            ok &= first < 0 || Scheduler.Join(first);
            ok &= second < 0 || Scheduler.Join(second);
            bool alternates = shared.LogLength == 2 * Rounds;
            for (int i = 1; i < shared.LogLength && alternates; i++)
                alternates = log[i] != log[i - 1];
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (!alternates)
                reason = "the two threads did not take turns (expected 1 2 1 2 ... or 2 1 2 1 ...)"u8;
            return ok && alternates;
        }

        private static bool SleepAccuracy(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            int id = Scheduler.Spawn("sleeper"u8, &SleepTwenty, (nint)(&shared), ThreadPriority.Normal);
            bool ok = id >= 0 && Scheduler.Join(id);
            ulong slept = shared.Finished - shared.Started;
            ulong ticks = shared.FinishTick - shared.StartTick;
            // Late by at most a time slice and two ticks: the woken thread may wait out an
            // equal-priority thread's slice on its CPU, and the wake-up IPI another tick or two.
            bool onTime = slept >= 20 * Millisecond && ticks <= 20 + Scheduler.SliceTicks + 2;
            if (!ok)
                reason = "spawn or join failed"u8;
            else if (!onTime)
                reason = "Sleep(20) woke before 20 ms on the clock or after more than 32 ticks"u8;
            return ok && onTime;
        }

        // The hog's bound is 2000 ticks of CPU 0's timer, not 2 s of the clock:
        // preemption needs ticks, and a host that starves QEMU's CPU thread
        // lets clock time pass without them.
        private static bool HogVersusEqual(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            shared.HogUntilTick = Ticks.Count + 2000;
            int hog = Scheduler.Spawn("hog"u8, &SpinUntilFlagOrTicks, (nint)(&shared), ThreadPriority.Normal, cpu: 0);
            int other = Scheduler.Spawn("equal"u8, &SetFlag, (nint)(&shared), ThreadPriority.Normal, cpu: 0);
            bool ok = hog >= 0 && other >= 0;
            ok &= hog < 0 || Scheduler.Join(hog);
            ok &= other < 0 || Scheduler.Join(other);
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (shared.SawFlag == 0)
                reason = "the equal-priority thread never ran while the hog spun (2000 ticks)"u8;
            return ok && shared.SawFlag != 0;
        }

        private static bool HogVersusHigher(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            shared.HogUntilTick = Ticks.Count + 2000;
            int hog = Scheduler.Spawn("hog"u8, &SpinUntilFlagOrTicks, (nint)(&shared), ThreadPriority.Normal, cpu: 0);
            int high = Scheduler.Spawn("high"u8, &SleepThenSetFlag, (nint)(&shared), ThreadPriority.High, cpu: 0);
            bool ok = hog >= 0 && high >= 0;
            ok &= hog < 0 || Scheduler.Join(hog);
            ok &= high < 0 || Scheduler.Join(high);
            // A 5-tick sleep plus at most 2 ticks to be woken and preempt the hog
            // (without priority preemption it would wait for the hog's 10-tick slice).
            ulong ticks = shared.FinishTick - shared.StartTick;
            bool prompt = shared.SawFlag != 0 && shared.Finished >= shared.Started && ticks <= 7;
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (!prompt)
                reason = "the high-priority thread did not run within 2 ticks of its 5-tick sleep while the hog spun"u8;
            return ok && prompt;
        }

        // The threads run until the mutex has been found taken 20 times (what the
        // case needs to prove anything) or 2 s passed; a loaded host that runs
        // QEMU's CPUs one at a time takes longer to get there, not a wrong answer.
        private static bool MutexExclusion(ref ReadOnlySpan<byte> reason)
        {
            const int Threads = 4;
            const ulong WantedContentions = 20;
            Shared shared = default;
            shared.Deadline = Clock.NowNanoseconds + 2000 * Millisecond;
            ulong contentions = s_mutex.Contentions;
            Span<int> ids = stackalloc int[Threads];
            bool ok = true;
            for (int i = 0; i < Threads; i++)
            {
                ids[i] = Scheduler.Spawn("mutex"u8, &LockedIncrements, (nint)(&shared), ThreadPriority.Normal);
                ok &= ids[i] >= 0;
            }
            while (s_mutex.Contentions - contentions < WantedContentions && Clock.NowNanoseconds < shared.Deadline)
                Scheduler.Sleep(5);
            Volatile.Write(ref shared.Flag, 1);
            for (int i = 0; i < Threads; i++)
                ok &= ids[i] < 0 || Scheduler.Join(ids[i]);
            bool exact = shared.Unprotected == shared.Total && shared.Total > 0;
            bool contended = s_mutex.Contentions > contentions;
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (!exact)
                reason = "the mutex-protected read-modify-write lost updates"u8;
            else if (!contended)
                reason = "no thread was preempted holding the mutex (the case proved nothing)"u8;
            return ok && exact && contended;
        }

        private static bool KillSleeping(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            int id = Scheduler.Spawn("doomed"u8, &SleepLongThenSetFlag, (nint)(&shared), ThreadPriority.Normal);
            if (id < 0)
            {
                reason = "spawn failed"u8;
                return false;
            }
            // Let it start and fall asleep.
            Scheduler.Sleep(2);
            ulong started = Clock.NowNanoseconds;
            bool killed = Scheduler.Kill(id);
            bool joined = Scheduler.Join(id);
            ulong took = Clock.NowNanoseconds - started;
            if (!killed || !joined)
                reason = "kill or join failed"u8;
            else if (shared.Flag != 0)
                reason = "the killed thread ran on past its sleep"u8;
            else if (took > 50 * Millisecond)
                reason = "the killed sleeper took more than 50 ms to die"u8;
            return killed && joined && shared.Flag == 0 && took <= 50 * Millisecond;
        }

        private static bool JoinFrees(ref ReadOnlySpan<byte> reason)
        {
            Shared shared = default;
            ulong pages = PageAllocator.FreePages;
            int slots = Scheduler.FreeSlots;
            int id = Scheduler.Spawn("short"u8, &IncrementOnce, (nint)(&shared), ThreadPriority.Normal);
            bool taken = id >= 0 && PageAllocator.FreePages == pages - ThreadStacks.TotalPages && Scheduler.FreeSlots == slots - 1;
            bool joined = id >= 0 && Scheduler.Join(id);
            bool given = PageAllocator.FreePages == pages && Scheduler.FreeSlots == slots;

            Span<int> ids = stackalloc int[Scheduler.MaxThreads];
            int spawned = 0;
            int failure;
            while ((failure = Scheduler.Spawn("fill"u8, &IncrementOnce, (nint)(&shared), ThreadPriority.Normal)) >= 0 && spawned < ids.Length)
                ids[spawned++] = failure;
            bool full = failure == (int)SpawnFailure.TableFull && spawned == slots;
            bool allJoined = true;
            for (int i = 0; i < spawned; i++)
                allJoined &= Scheduler.Join(ids[i]);
            bool givenAll = PageAllocator.FreePages == pages && Scheduler.FreeSlots == slots && shared.Counter == 1 + spawned;
            if (!taken)
                reason = "spawn did not take one stack (with its guard page) and one slot"u8;
            else if (!joined || !given)
                reason = "join did not give the stack pages and the slot back"u8;
            else if (!full)
                reason = "filling the table did not end in TableFull after every free slot"u8;
            else if (!allJoined || !givenAll)
                reason = "joining a full table did not give every stack and slot back"u8;
            return taken && joined && given && full && allJoined && givenAll;
        }

        // One thread pinned to each online CPU adds 20,000 atomically and checks,
        // at every step, that it runs on its own CPU.
        private static bool PinnedCounters(ref ReadOnlySpan<byte> reason)
        {
            int cpus = Scheduler.OnlineCpus;
            Shared shared = default;
            Span<Worker> workers = stackalloc Worker[Processors.MaxCpus];
            Span<int> ids = stackalloc int[Processors.MaxCpus];
            bool ok = true;
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                workers[cpu] = new Worker { Shared = &shared, Tag = cpu };
                fixed (Worker* worker = &workers[cpu])
                    ids[cpu] = Scheduler.Spawn("pinned"u8, &IncrementOnOwnCpu, (nint)worker, ThreadPriority.Normal, cpu: cpu);
                ok &= ids[cpu] >= 0;
            }
            for (int cpu = 0; cpu < cpus; cpu++)
                ok &= ids[cpu] < 0 || Scheduler.Join(ids[cpu]);
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (shared.Unprotected != 0)
                reason = "a pinned thread ran on another CPU"u8;
            else if (shared.Counter != cpus * 20_000)
                reason = "the total is not (online CPUs) x 20000"u8;
            return ok && shared.Unprotected == 0 && shared.Counter == cpus * 20_000;
        }

        // Twice as many unpinned CPU-bound threads as CPUs, spinning until together
        // they have run on every online CPU (placement and stealing work) or 2 s
        // passed (a host that starves one of QEMU's CPU threads for a while must
        // not fail the case; a scheduler that never uses a CPU still does).
        private static bool UnpinnedSpread(ref ReadOnlySpan<byte> reason)
        {
            int threads = 2 * Scheduler.OnlineCpus;
            Shared shared = default;
            shared.Deadline = Clock.NowNanoseconds + 2000 * Millisecond;
            shared.Total = (1 << Scheduler.OnlineCpus) - 1;
            Span<int> ids = stackalloc int[2 * Processors.MaxCpus];
            bool ok = true;
            for (int i = 0; i < threads; i++)
            {
                ids[i] = Scheduler.Spawn("spread"u8, &SpinMarkingCpus, (nint)(&shared), ThreadPriority.Normal);
                ok &= ids[i] >= 0;
            }
            for (int i = 0; i < threads; i++)
                ok &= ids[i] < 0 || Scheduler.Join(ids[i]);
            if (!ok)
                reason = "a spawn or join failed"u8;
            else if (shared.Flag != shared.Total)
                reason = "some online CPU ran none of the threads in 2 s"u8;
            return ok && shared.Flag == shared.Total;
        }

        private static void IncrementOnce(nint shared) => Interlocked.Increment(ref ((Shared*)shared)->Counter);

        private static void IncrementMany(nint shared)
        {
            for (int i = 0; i < 20_000; i++)
                Interlocked.Increment(ref ((Shared*)shared)->Counter);
        }

        private static void IncrementOnOwnCpu(nint worker)
        {
            Worker* self = (Worker*)worker;
            Shared* shared = self->Shared;
            for (int i = 0; i < 20_000; i++)
            {
                Interlocked.Increment(ref shared->Counter);
                if (Scheduler.CurrentCpu != self->Tag)
                    Interlocked.Increment(ref shared->Unprotected);
            }
        }

        // Flag collects one bit per CPU the caller was seen running on, until it
        // holds them all (Total) or the deadline passes.
        private static void SpinMarkingCpus(nint shared)
        {
            Shared* s = (Shared*)shared;
            while (Volatile.Read(ref s->Flag) != s->Total && Clock.NowNanoseconds < s->Deadline)
            {
                int bit = 1 << Scheduler.CurrentCpu;
                int seen;
                while (((seen = Volatile.Read(ref s->Flag)) & bit) == 0
                    && Interlocked.CompareExchange(ref s->Flag, seen | bit, seen) != seen)
                {
                }
                Cpu.SpinWaitHint();
            }
        }

        private static void LogAndYield(nint worker)
        {
            Worker* self = (Worker*)worker;
            while (Volatile.Read(ref self->Shared->Flag) == 0)
                Scheduler.Yield();
            for (int i = 0; i < 5; i++)
            {
                Shared* shared = self->Shared;
                shared->Log[Interlocked.Increment(ref shared->LogLength) - 1] = self->Tag;
                Scheduler.Yield();
            }
        }

        private static void SleepTwenty(nint shared)
        {
            Shared* s = (Shared*)shared;
            s->Started = Clock.NowNanoseconds;
            s->StartTick = Ticks.Count;
            Scheduler.Sleep(20);
            s->Finished = Clock.NowNanoseconds;
            s->FinishTick = Ticks.Count;
        }

        private static void SpinUntilFlagOrTicks(nint shared)
        {
            Shared* s = (Shared*)shared;
            while (Volatile.Read(ref s->Flag) == 0 && Ticks.Count < s->HogUntilTick)
                Cpu.SpinWaitHint();
            s->SawFlag = Volatile.Read(ref s->Flag);
        }

        private static void SetFlag(nint shared) => Volatile.Write(ref ((Shared*)shared)->Flag, 1);

        // Started = when it asks to wake, Finished = when it runs again.
        private static void SleepThenSetFlag(nint shared)
        {
            Shared* s = (Shared*)shared;
            s->Started = Clock.NowNanoseconds + 5 * Millisecond;
            s->StartTick = Ticks.Count;
            Scheduler.Sleep(5);
            s->Finished = Clock.NowNanoseconds;
            s->FinishTick = Ticks.Count;
            Volatile.Write(ref s->Flag, 1);
        }

        private static void SleepLongThenSetFlag(nint shared)
        {
            Scheduler.Sleep(10_000);
            Volatile.Write(ref ((Shared*)shared)->Flag, 1);
        }

        // A deliberately slow, non-atomic read-modify-write under the mutex, until the deadline.
        private static void LockedIncrements(nint shared)
        {
            Shared* s = (Shared*)shared;
            int mine = 0;
            while (Volatile.Read(ref s->Flag) == 0 && Clock.NowNanoseconds < s->Deadline)
            {
                s_mutex.Lock();
                int value = s->Unprotected;
                for (int i = 0; i < 200; i++)
                    Cpu.SpinWaitHint();
                s->Unprotected = value + 1;
                s_mutex.Unlock();
                mine++;
            }
            Interlocked.Add(ref s->Total, mine);
        }
    }
}
