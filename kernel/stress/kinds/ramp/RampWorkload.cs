// `stresstest ramp`: progressive load on an ingest pipeline inside the kernel
// (the progressive-load plan). A producer thread injects checksummed items (RampItem) at each
// level's rate, level after level, into a bounded queue (RampQueue); two
// consumer threads validate and free them and mark their sequence numbers in
// the ledger (RampLedger). Per level (a phase row): items processed, achieved
// vs target rate, latency from injection to validation, CPU busy share, heap
// and page peaks, queue peak, backpressure waits, and lost, duplicated and
// corrupt items. When injection ends (last level, or Ctrl-C) the consumers
// drain the queue before they leave: the drain is timed, and every injected
// item must be accounted for.
// --inject-loss (test-only) makes the consumers drop every 97th item unseen,
// so the data-loss check has something to find.
using System;
using System.Threading;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static unsafe class RampWorkload
    {
        public const int Consumers = 2;
        private const ulong InjectedLossEvery = 97;

        private static readonly ulong[] s_levels = new ulong[ShellLimits.MaxListElements];
        private static readonly int[] s_levelPhase = new int[ShellLimits.MaxListElements];
        private static readonly ulong[] s_levelFirst = new ulong[ShellLimits.MaxListElements + 1];
        private static readonly int[] s_consumerThreads = new int[Consumers];
        private static int s_levelCount;
        private static int s_levelsRun;
        private static ulong s_levelDurationMs;
        private static bool s_injectLoss;
        private static int s_injectionDone;
        private static int s_abort;
        private static ulong s_injected;
        private static ulong s_drainNs;
        private static LatencyHistogram? s_latency;

        public static int LevelCount => s_levelCount;

        public static int LevelsRun => s_levelsRun;

        public static ulong Level(int index) => s_levels[index];

        public static int LevelPhase(int index) => s_levelPhase[index];

        public static ulong Injected => s_injected;

        public static ulong DrainUs => s_drainNs / 1_000;

        // The levels and their duration as the command gave them; the run's planned length in milliseconds.
        public static ulong Configure(ReadOnlySpan<ulong> levels, ulong levelDurationMs, bool injectLoss)
        {
            s_levelCount = levels.Length;
            for (int i = 0; i < levels.Length; i++)
                s_levels[i] = levels[i];
            s_levelDurationMs = levelDurationMs;
            s_injectLoss = injectLoss;
            return levelDurationMs * (ulong)levels.Length;
        }

        // On the shell thread: runs every level, drains, accounts. False if a thread could not start.
        public static bool Run(LatencyHistogram latency, delegate*<bool> poll)
        {
            s_latency = latency;
            s_levelsRun = 0;
            s_injected = 0;
            s_drainNs = 0;
            Volatile.Write(ref s_injectionDone, 0);
            Volatile.Write(ref s_abort, 0);
            RampQueue.Reset();
            if (!RampLedger.Open(PlannedItems()))
            {
                StressRun.Fail("the kernel heap could not hold the ledger of sequence numbers; lower --levels or --level-duration"u8);
                return true;
            }
            bool started = true;
            int consumers = 0;
            for (; consumers < Consumers; consumers++)
            {
                s_consumerThreads[consumers] = Scheduler.Spawn("ramp-consumer"u8, &Consume, consumers, ThreadPriority.Normal);
                if (s_consumerThreads[consumers] < 0)
                    break;
            }
            int producer = consumers == Consumers ? Scheduler.Spawn("ramp-producer"u8, &Produce, 0, ThreadPriority.Normal) : -1;
            if (producer < 0)
            {
                started = false;
                EndInjection();
            }
            else
            {
                while (Volatile.Read(ref s_injectionDone) == 0)
                {
                    // The deadline is the planned length: the producer ends the run, only Ctrl-C cuts it short.
                    if (poll() && StressRun.Cancelled)
                        Volatile.Write(ref s_abort, 1);
                    Scheduler.Sleep(1);
                }
                Scheduler.Join(producer);
            }
            ulong drainStart = Clock.NowNanoseconds;
            for (int i = 0; i < consumers; i++)
                Scheduler.Join(s_consumerThreads[i]);
            s_drainNs = Clock.NowNanoseconds - drainStart;
            Account();
            RampLedger.Close();
            return started;
        }

        // Items the ledger must have room for: each level's rate times its duration, plus one per level for rounding.
        private static ulong PlannedItems()
        {
            ulong items = 0;
            for (int i = 0; i < s_levelCount; i++)
                items += s_levels[i] * s_levelDurationMs / 1000 + 1;
            return items;
        }

        private static void EndInjection()
        {
            Volatile.Write(ref s_injectionDone, 1);
            RampQueue.WakeConsumers();
        }

        private static void Produce(nint unused)
        {
            ulong sequence = 0;
            for (int level = 0; level < s_levelCount && Volatile.Read(ref s_abort) == 0; level++)
            {
                s_levelFirst[level] = sequence;
                int phase = StressPhases.Add("level_"u8, s_levels[level], true);
                // Written even when zero: the consumers count into these from the level's first item.
                StressPhases.Set(phase, PhaseCounter.Ops, 0);
                StressPhases.Set(phase, PhaseCounter.Corrupt, 0);
                StressPhases.Set(phase, PhaseCounter.Duplicated, 0);
                s_levelPhase[level] = phase;
                s_levelsRun = level + 1;
                sequence = InjectLevel(level, s_levelPhase[level], sequence);
                s_levelFirst[level + 1] = sequence;
            }
            s_injected = sequence;
            EndInjection();
        }

        // Injects one level at its rate: item i is due at start + i / rate. The next free sequence number.
        private static ulong InjectLevel(int level, int phase, ulong sequence)
        {
            ulong rate = s_levels[level];
            ulong count = rate * s_levelDurationMs / 1000;
            ulong idleBefore = StressCoordinator.IdleNanoseconds();
            ulong start = Clock.NowNanoseconds;
            ulong heapPeak = KernelHeap.InUseBytes;
            ulong pagesPeak = PageAllocator.UsedPages;
            long backpressure = 0;
            RampQueue.TakePeak();
            for (ulong i = 0; i < count && Volatile.Read(ref s_abort) == 0; i++)
            {
                WaitUntil(start + i * 1_000_000_000 / rate);
                nuint item = RampItem.Create(sequence, (uint)level, Clock.NowNanoseconds);
                while (item == 0 && Volatile.Read(ref s_abort) == 0)
                {
                    // Out of heap: the consumers free items as they go; this counts as backpressure too.
                    backpressure++;
                    Scheduler.Sleep(1);
                    item = RampItem.Create(sequence, (uint)level, Clock.NowNanoseconds);
                }
                if (item == 0)
                    break;
                if (!RampQueue.TryEnqueue(item))
                {
                    backpressure++;
                    while (!RampQueue.TryEnqueue(item))
                        Scheduler.Sleep(1);
                }
                sequence++;
                heapPeak = Math.Max(heapPeak, KernelHeap.InUseBytes);
                pagesPeak = Math.Max(pagesPeak, PageAllocator.UsedPages);
            }
            // The level lasts its whole window: its last item is due one interval before the end.
            if (Volatile.Read(ref s_abort) == 0)
                WaitUntil(start + s_levelDurationMs * 1_000_000);
            ulong elapsedNs = Clock.NowNanoseconds - start;
            ulong idle = StressCoordinator.IdleNanoseconds() - idleBefore;
            ulong cpuNs = elapsedNs * (ulong)Scheduler.OnlineCpus;
            ulong elapsedMs = Math.Max(elapsedNs / 1_000_000, 1);
            StressPhases.SetDuration(phase, elapsedNs / 1_000_000);
            StressPhases.Set(phase, PhaseCounter.TargetRate, (long)rate);
            StressPhases.Set(phase, PhaseCounter.AchievedRate, (long)((sequence - s_levelFirst[level]) * 1000 / elapsedMs));
            StressPhases.Set(phase, PhaseCounter.CpuBusyPct, cpuNs == 0 || idle > cpuNs ? 0 : (long)(100 - idle * 100 / cpuNs));
            StressPhases.Set(phase, PhaseCounter.MemPeakBytes, (long)heapPeak);
            StressPhases.Set(phase, PhaseCounter.MemPct, (long)(pagesPeak * 100 / PageAllocator.TotalPages));
            StressPhases.Set(phase, PhaseCounter.QueuePeak, RampQueue.TakePeak());
            StressPhases.Set(phase, PhaseCounter.Backpressure, backpressure);
            return sequence;
        }

        // Sleeps whole ticks while the due time is a millisecond or more away, then yields until it comes.
        private static void WaitUntil(ulong dueNs)
        {
            ulong now = Clock.NowNanoseconds;
            if (dueNs > now + 1_000_000)
                Scheduler.Sleep((dueNs - now) / 1_000_000);
            while (Clock.NowNanoseconds < dueNs)
                Scheduler.Yield();
        }

        // A consumer: validates, marks and frees items until injection ended and the queue is empty.
        private static void Consume(nint unused)
        {
            while (true)
            {
                nuint item = RampQueue.TryDequeue();
                if (item != 0)
                {
                    Validate(item);
                    continue;
                }
                if (Volatile.Read(ref s_injectionDone) != 0 && RampQueue.Depth == 0)
                    break;
                RampQueue.WaitForItems();
            }
            // The other consumer may be waiting on the same wake-up this one took.
            RampQueue.WakeConsumers();
        }

        private static void Validate(nuint item)
        {
            ulong latency = Clock.NowNanoseconds - RampItem.InjectedNs(item);
            ulong sequence = RampItem.Sequence(item);
            int phase = s_levelPhase[RampItem.Level(item)];
            if (s_injectLoss && sequence % InjectedLossEvery == InjectedLossEvery - 1)
            {
                KernelHeap.Free(item);
                return;
            }
            if (!RampItem.Valid(item))
            {
                Interlocked.Increment(ref StressPhases.Counter(phase, PhaseCounter.Corrupt));
            }
            else if (!RampLedger.Mark(sequence))
            {
                Interlocked.Increment(ref StressPhases.Counter(phase, PhaseCounter.Duplicated));
            }
            else
            {
                Interlocked.Increment(ref StressPhases.Counter(phase, PhaseCounter.Ops));
                StressPhases.Histogram(phase).Record(latency);
                s_latency!.Record(latency);
            }
            KernelHeap.Free(item);
        }

        // After the drain: lost items per level (injected, never marked), failed, and the run's totals.
        private static void Account()
        {
            long ops = 0;
            long failed = 0;
            for (int level = 0; level < s_levelsRun; level++)
            {
                int phase = s_levelPhase[level];
                long lost = (long)RampLedger.Missing(s_levelFirst[level], s_levelFirst[level + 1]);
                long levelFailed = lost + StressPhases.Get(phase, PhaseCounter.Corrupt) + StressPhases.Get(phase, PhaseCounter.Duplicated);
                StressPhases.Set(phase, PhaseCounter.Lost, lost);
                StressPhases.Set(phase, PhaseCounter.Failed, levelFailed);
                ops += StressPhases.Get(phase, PhaseCounter.Ops);
                failed += levelFailed;
            }
            StressRun.Set(StressCounter.Ops, ops);
            StressRun.Set(StressCounter.Failed, failed);
        }
    }
}
