// One operation of each ScaleComponent, for worker `worker` (each worker has
// its own PRNG stream and shell driver, preallocated; the hist component's
// shared histogram is the point: every worker records into it).
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Kinds.Scale
{
    internal static unsafe class ScaleOps
    {
        private const ulong StreamBase = 128;

        private static readonly Xorshift64Star[] s_random = new Xorshift64Star[ScaleWorkload.MaxThreads];
        private static readonly ShellDriver[] s_drivers = CreateDrivers();
        private static readonly LatencyHistogram s_shared = new LatencyHistogram(StressRun.Shards);

        // Before a run: each worker's stream from the run's seed, the shared histogram empty.
        public static void Reset()
        {
            for (int i = 0; i < ScaleWorkload.MaxThreads; i++)
                s_random[i] = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StreamBase + (ulong)i));
            s_shared.Reset();
        }

        // False when the operation failed (the heap refused, the shell printed an error).
        public static bool Run(ScaleComponent component, int worker)
        {
            ref Xorshift64Star random = ref s_random[worker];
            switch (component)
            {
                case ScaleComponent.Alloc:
                    nuint block = KernelHeap.Allocate((nuint)random.Range(64, 1025), 0);
                    if (block == 0)
                        return false;
                    *(ulong*)block = (ulong)worker;
                    KernelHeap.Free(block);
                    return true;
                case ScaleComponent.Hist:
                    s_shared.Record(random.NextU64() >> 40);
                    return true;
                case ScaleComponent.Prng:
                    ulong mix = 0;
                    for (int i = 0; i < 64; i++)
                        mix ^= random.NextU64();
                    // A zero xor of 64 draws would mean a stuck generator.
                    return mix != 0;
                case ScaleComponent.Sched:
                    Scheduler.Yield();
                    return true;
                default:
                    return s_drivers[worker].RunRandom(ref random) == 0;
            }
        }

        private static ShellDriver[] CreateDrivers()
        {
            var drivers = new ShellDriver[ScaleWorkload.MaxThreads];
            for (int i = 0; i < drivers.Length; i++)
                drivers[i] = new ShellDriver();
            return drivers;
        }
    }
}
