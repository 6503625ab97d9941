// The memory workload: threads (Low priority, one pool each) that drive the
// kernel heap toward the target pressure with sizes of 2 KiB +- noise, as the
// stress-test report describes:
//  - below the target: allocate;
//  - at the target: free 1-4 random blocks per step, until a settle time of
//    2-10 ms ends and 20-50 % of the pool is dropped (the next climb starts);
//    on reaching the target, with --oom-probability the climb turns into a
//    spike that allocates until the budget refuses: an OOM event;
//  - on an OOM: recovery frees 20-70 % of the pool (random), timed;
//  - while the autonomy controller throttles allocators: give back 1-4 blocks per step;
//  - between steps a delay of 0.5-1.5 us (+- noise) spun on the clock.
// Counters: ops (allocations), failed (OOM events, in memory and learning), oom_events,
// oom_recoveries, bytes_freed_on_recovery, throttled_steps; histograms
// alloc_latency (each KernelHeap.Allocate call) and recovery_latency.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Kinds.Memory
{
    internal static unsafe class MemoryWorkload
    {
        public const int MaxWorkers = 8;
        private const uint BaseSize = 2048;

        private static readonly BlockPool[] s_pools = CreatePools();
        private static readonly Xorshift64Star[] s_random = new Xorshift64Star[MaxWorkers];
        private static readonly int[] s_threads = new int[MaxWorkers];
        private static int s_workers;
        private static uint s_targetPct;
        private static LatencyHistogram? s_allocLatency;
        private static LatencyHistogram? s_recoveryLatency;
        private static bool s_oomIsFailure;

        public static BlockPool Pool(int index) => s_pools[index];

        // Starts `workers` threads; the histograms receive their latencies. An OOM counts as `failed`
        // when the workload is the test, not when it is the background of chaos. False if a thread could not start.
        public static bool Start(int workers, uint targetPct, LatencyHistogram allocLatency, LatencyHistogram recoveryLatency)
        {
            StressKind kind = StressRun.Options.Kind;
            s_oomIsFailure = kind == StressKind.Memory || kind == StressKind.Learning;
            s_targetPct = targetPct;
            s_allocLatency = allocLatency;
            s_recoveryLatency = recoveryLatency;
            s_workers = 0;
            for (int i = 0; i < workers && i < MaxWorkers; i++)
            {
                s_random[i] = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StressStreams.MemoryBase + (ulong)i));
                AutonomyController.AddPool(s_pools[i]);
                int id = Scheduler.Spawn("memstress"u8, &Run, i, ThreadPriority.Low);
                if (id < 0)
                    return false;
                s_threads[i] = id;
                s_workers++;
            }
            return true;
        }

        // After StressRun.RequestStop: joins the workers and empties their pools.
        public static void Stop()
        {
            for (int i = 0; i < s_workers; i++)
            {
                Scheduler.Join(s_threads[i]);
                s_pools[i].FreeAll();
            }
            s_workers = 0;
        }

        private static void Run(nint worker) => Work((int)worker);

        private static void Work(int index)
        {
            ref Xorshift64Star random = ref s_random[index];
            BlockPool pool = s_pools[index];
            uint noise = StressRun.Options.NoisePct;
            uint oomChance = StressRun.Options.OomProbabilityPct;
            uint variance = BaseSize * noise / 100;
            bool atTarget = false;
            bool spiking = false;
            ulong settleEnd = 0;
            while (!StressRun.Stopping)
            {
                uint size = (uint)random.Range((int)(BaseSize - variance), (int)(BaseSize + variance) + 1);
                if (AutonomyController.AllocatorsThrottled)
                {
                    spiking = false;
                    pool.FreeSome(random.Range(1, 5), ref random);
                    StressRun.Increment(StressCounter.Throttled);
                }
                else if (spiking || MemoryBudget.PressurePct < s_targetPct)
                {
                    atTarget = false;
                    if (!Allocate(pool, size, ref random))
                        spiking = false;
                }
                else if (!atTarget)
                {
                    atTarget = true;
                    spiking = random.Range(0, 100) < (int)oomChance;
                    settleEnd = Clock.NowNanoseconds + (ulong)random.Range(2, 11) * 1_000_000;
                }
                else if (Clock.NowNanoseconds >= settleEnd)
                {
                    pool.FreeRandom((uint)random.Range(20, 51), ref random);
                    atTarget = false;
                }
                else
                {
                    pool.FreeSome(random.Range(1, 5), ref random);
                }
                Delay(ref random, noise);
            }
        }

        // One allocation; false when it was an OOM (then recovered from).
        private static bool Allocate(BlockPool pool, uint size, ref Xorshift64Star random)
        {
            AllocOutcome outcome = pool.Allocate(size, out ulong nanoseconds);
            if (outcome == AllocOutcome.Allocated)
            {
                s_allocLatency!.Record(nanoseconds);
                StressRun.Increment(StressCounter.Ops);
                return true;
            }
            if (outcome == AllocOutcome.PoolFull)
            {
                pool.FreeSome(random.Range(1, 5), ref random);
                return false;
            }
            StressRun.Increment(StressCounter.OomEvents);
            if (s_oomIsFailure)
                StressRun.Increment(StressCounter.Failed);
            ulong start = Clock.NowNanoseconds;
            ulong freed = pool.FreeRandom((uint)random.Range(20, 71), ref random);
            s_recoveryLatency!.Record(Clock.NowNanoseconds - start);
            if (freed > 0)
                StressRun.Increment(StressCounter.OomRecoveries);
            StressRun.Add(StressCounter.BytesFreedOnRecovery, (long)freed);
            return false;
        }

        private static void Delay(ref Xorshift64Star random, uint noise)
        {
            int spread = (int)(500 * noise / 100);
            ulong end = Clock.NowNanoseconds + (ulong)random.Range(1000 - 500 - spread / 2, 1000 + 500 + spread / 2 + 1);
            while (Clock.NowNanoseconds < end)
                Cpu.SpinWaitHint();
        }

        private static BlockPool[] CreatePools()
        {
            var pools = new BlockPool[MaxWorkers];
            for (int i = 0; i < MaxWorkers; i++)
                pools[i] = new BlockPool();
            return pools;
        }
    }
}
