// `stresstest scale` (the implementation guide's concurrency scaling): for each component and
// each thread count, that many threads (Normal priority, unpinned) run the
// component's operation (ScaleOps) in a loop for --duration milliseconds,
// timing every operation. Each (component, threads) pair is one phase row,
// "alloc_t4": ops, failed, achieved ops/s, p50/p95/p99 in its histogram, heap
// peak, CPU busy share, and scaling efficiency against the same component
// with one thread (StressPhases; the host tool's CSV rows map one to one).
// Scaling efficiency = throughput(t) / (throughput(1) * min(t, CPUs)): a
// thread beyond the CPU count cannot add capacity, so it is not expected to.
using System;
using System.Threading;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;

namespace KernelStress.Kernel.Stress.Kinds.Scale
{
    internal static unsafe class ScaleWorkload
    {
        public const int MaxThreadCounts = 6;
        public const int MaxThreads = 16;

        private static readonly ulong[] s_threadCounts = new ulong[MaxThreadCounts];
        private static readonly ScaleComponent[] s_components = new ScaleComponent[ScaleComponents.Count];
        private static readonly int[] s_workers = new int[MaxThreads];
        private static int s_threadCountCount;
        private static int s_componentCount;
        private static ulong s_phaseMs;
        private static int s_stop;
        private static int s_phase;
        private static ScaleComponent s_component;
        private static LatencyHistogram? s_all;

        public static int ThreadCountCount => s_threadCountCount;

        public static int ComponentCount => s_componentCount;

        public static ulong ThreadCount(int index) => s_threadCounts[index];

        public static ScaleComponent Component(int index) => s_components[index];

        // The thread counts, components (indices into ScaleComponents) and phase length; the run's planned length.
        public static ulong Configure(ReadOnlySpan<ulong> threadCounts, ReadOnlySpan<ulong> components, ulong phaseMs)
        {
            s_threadCountCount = threadCounts.Length;
            for (int i = 0; i < threadCounts.Length; i++)
                s_threadCounts[i] = threadCounts[i];
            s_componentCount = components.Length;
            for (int i = 0; i < components.Length; i++)
                s_components[i] = (ScaleComponent)components[i];
            s_phaseMs = phaseMs;
            return phaseMs * (ulong)(threadCounts.Length * components.Length);
        }

        // On the shell thread: every component at every thread count. False if a thread could not start.
        public static bool Run(LatencyHistogram all, delegate*<bool> poll)
        {
            s_all = all;
            ScaleOps.Reset();
            for (int c = 0; c < s_componentCount; c++)
            {
                long singleRate = 0;
                for (int t = 0; t < s_threadCountCount; t++)
                {
                    int phase = StressPhases.Add(ScaleComponents.PhasePrefix(s_components[c]), s_threadCounts[t], true);
                    if (!RunPhase(phase, s_components[c], (int)s_threadCounts[t], poll))
                        return false;
                    long rate = StressPhases.Get(phase, PhaseCounter.AchievedRate);
                    if (s_threadCounts[t] == 1)
                        singleRate = rate;
                    if (singleRate > 0)
                    {
                        long ideal = singleRate * Math.Min((long)s_threadCounts[t], Scheduler.OnlineCpus);
                        StressPhases.Set(phase, PhaseCounter.ScalingEfficiencyPct, rate * 100 / ideal);
                    }
                    if (StressRun.Cancelled)
                        return true;
                }
            }
            return true;
        }

        private static bool RunPhase(int phase, ScaleComponent component, int threads, delegate*<bool> poll)
        {
            s_phase = phase;
            s_component = component;
            Volatile.Write(ref s_stop, 0);
            StressPhases.Set(phase, PhaseCounter.Threads, threads);
            StressPhases.Set(phase, PhaseCounter.Ops, 0);
            StressPhases.Set(phase, PhaseCounter.Failed, 0);
            ulong idleBefore = StressCoordinator.IdleNanoseconds();
            ulong heapPeak = KernelHeap.InUseBytes;
            ulong start = Clock.NowNanoseconds;
            int spawned = 0;
            for (; spawned < threads; spawned++)
            {
                s_workers[spawned] = Scheduler.Spawn("scale-worker"u8, &Work, spawned, ThreadPriority.Normal);
                if (s_workers[spawned] < 0)
                    break;
            }
            ulong end = start + s_phaseMs * 1_000_000;
            while (Clock.NowNanoseconds < end && spawned == threads)
            {
                if (poll() && StressRun.Cancelled)
                    break;
                heapPeak = Math.Max(heapPeak, KernelHeap.InUseBytes);
                Scheduler.Sleep(1);
            }
            Volatile.Write(ref s_stop, 1);
            for (int i = 0; i < spawned; i++)
                Scheduler.Join(s_workers[i]);
            ulong elapsedNs = Clock.NowNanoseconds - start;
            ulong idle = StressCoordinator.IdleNanoseconds() - idleBefore;
            ulong cpuNs = elapsedNs * (ulong)Scheduler.OnlineCpus;
            ulong elapsedMs = Math.Max(elapsedNs / 1_000_000, 1);
            StressPhases.SetDuration(phase, elapsedNs / 1_000_000);
            StressPhases.Set(phase, PhaseCounter.AchievedRate, StressPhases.Get(phase, PhaseCounter.Ops) * 1000 / (long)elapsedMs);
            StressPhases.Set(phase, PhaseCounter.CpuBusyPct, cpuNs == 0 || idle > cpuNs ? 0 : (long)(100 - idle * 100 / cpuNs));
            StressPhases.Set(phase, PhaseCounter.MemPeakBytes, (long)heapPeak);
            StressRun.Add(StressCounter.Ops, StressPhases.Get(phase, PhaseCounter.Ops));
            StressRun.Add(StressCounter.Failed, StressPhases.Get(phase, PhaseCounter.Failed));
            return spawned == threads;
        }

        // A worker: the phase's operation until the phase ends, each one timed.
        private static void Work(nint worker)
        {
            int phase = s_phase;
            ScaleComponent component = s_component;
            LatencyHistogram latency = StressPhases.Histogram(phase);
            long ops = 0;
            long failed = 0;
            while (Volatile.Read(ref s_stop) == 0)
            {
                ulong start = Clock.NowNanoseconds;
                bool ok = ScaleOps.Run(component, (int)worker);
                ulong took = Clock.NowNanoseconds - start;
                latency.Record(took);
                s_all!.Record(took);
                ops++;
                if (!ok)
                    failed++;
            }
            Interlocked.Add(ref StressPhases.Counter(phase, PhaseCounter.Ops), ops);
            Interlocked.Add(ref StressPhases.Counter(phase, PhaseCounter.Failed), failed);
        }
    }
}
