// `stresstest leak --cycles N` (the integration sprint's create/destroy cycles): each cycle
// spawns Workers threads; each creates a heap histogram (HeapHistogram),
// allocates BlocksPerWorker heap blocks of 16 B to 16 KiB (slabs and arenas),
// writes and checks a pattern in each, records each allocation's latency,
// frees everything and exits; the shell thread joins them all (their stacks
// go back to the page allocator) and reads the heap's bytes in use and held
// and the pages in use. Each cycle is a phase row with those counts and their
// growth over the baseline taken before the first cycle.
// Tolerance: zero. The heap returns empty slabs and arenas at once and Join
// frees the stack, so any growth after a cycle is a leak (the integration sprint allowed
// 50 %, which would hide one). The managed heap must not grow either.
// --inject-leak (test-only) keeps one 512-byte block per cycle until the
// growth has been measured, then frees them, so the check has a leak to find
// and the kernel is still left clean.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal static unsafe class LeakWorkload
    {
        public const int Workers = 4;
        public const int BlocksPerWorker = 24;
        public const int MaxCycles = StressPhases.MaxPhases;
        private const int MinBlock = 16;
        private const int MaxBlock = 16 * 1024;
        private const uint InjectedLeakBytes = 512;
        private const ulong StreamBase = 64;

        private static readonly int[] s_threads = new int[Workers];
        private static readonly nuint[] s_leaked = new nuint[MaxCycles];
        private static uint s_cycles;
        private static bool s_injectLeak;
        private static int s_cycle;
        private static int s_firstGrowth;
        private static long s_heapGrowth;
        private static long s_heldGrowth;
        private static long s_pagesGrowth;
        private static long s_managedGrowth;
        private static LatencyHistogram? s_latency;

        public static uint Cycles => s_cycles;

        public static void Configure(uint cycles, bool injectLeak)
        {
            s_cycles = cycles;
            s_injectLeak = injectLeak;
        }

        // On the shell thread: runs the cycles (Ctrl-C ends them early). False if a thread could not start.
        public static bool Run(LatencyHistogram latency, delegate*<bool> poll)
        {
            s_latency = latency;
            s_firstGrowth = -1;
            ulong heapBase = KernelHeap.InUseBytes;
            ulong heldBase = KernelHeap.HeldBytes;
            ulong pagesBase = PageAllocator.UsedPages;
            ulong managedBase = ManagedHeap.BytesUsed;
            bool started = true;
            int cycles = 0;
            for (; cycles < (int)s_cycles && started; cycles++)
            {
                if (poll() && StressRun.Cancelled)
                    break;
                ulong start = Clock.NowNanoseconds;
                long ops = StressRun.Get(StressCounter.Ops);
                long failed = StressRun.Get(StressCounter.Failed);
                started = RunCycle(cycles);
                int phase = StressPhases.Add("cycle_"u8, (ulong)cycles + 1, false);
                StressPhases.SetDuration(phase, (Clock.NowNanoseconds - start) / 1_000_000);
                StressPhases.Set(phase, PhaseCounter.Ops, StressRun.Get(StressCounter.Ops) - ops);
                StressPhases.Set(phase, PhaseCounter.Failed, StressRun.Get(StressCounter.Failed) - failed);
                Measure(phase, cycles, heapBase, heldBase, pagesBase);
            }
            s_managedGrowth = (long)(ManagedHeap.BytesUsed - managedBase);
            StressRun.Set(LeakCounters.Cycles, cycles);
            StressRun.Set(LeakCounters.HeapGrowthBytes, s_heapGrowth);
            StressRun.Set(LeakCounters.HeldGrowthBytes, s_heldGrowth);
            StressRun.Set(LeakCounters.PagesGrowth, s_pagesGrowth);
            StressRun.Set(LeakCounters.ManagedGrowthBytes, s_managedGrowth);
            for (int i = 0; i < cycles; i++)
            {
                KernelHeap.Free(s_leaked[i]);
                s_leaked[i] = 0;
            }
            return started;
        }

        // One cycle: the workers' threads, created and joined. False if one could not start.
        private static bool RunCycle(int cycle)
        {
            s_cycle = cycle;
            int spawned = 0;
            for (; spawned < Workers; spawned++)
            {
                s_threads[spawned] = Scheduler.Spawn("leak-worker"u8, &Work, spawned, ThreadPriority.Normal);
                if (s_threads[spawned] < 0)
                    break;
            }
            for (int i = 0; i < spawned; i++)
                Scheduler.Join(s_threads[i]);
            if (s_injectLeak)
                s_leaked[cycle] = KernelHeap.Allocate(InjectedLeakBytes, 0);
            return spawned == Workers;
        }

        private static void Measure(int phase, int cycle, ulong heapBase, ulong heldBase, ulong pagesBase)
        {
            ulong inUse = KernelHeap.InUseBytes;
            ulong held = KernelHeap.HeldBytes;
            ulong pages = PageAllocator.UsedPages;
            s_heapGrowth = (long)(inUse - heapBase);
            s_heldGrowth = (long)(held - heldBase);
            s_pagesGrowth = (long)(pages - pagesBase);
            if (s_firstGrowth < 0 && (s_heapGrowth > 0 || s_pagesGrowth > 0))
                s_firstGrowth = cycle;
            StressPhases.Set(phase, PhaseCounter.Threads, Workers);
            StressPhases.Set(phase, PhaseCounter.HeapInUseBytes, (long)inUse);
            StressPhases.Set(phase, PhaseCounter.HeapHeldBytes, (long)held);
            StressPhases.Set(phase, PhaseCounter.PagesUsed, (long)pages);
            StressPhases.Set(phase, PhaseCounter.HeapGrowthBytes, s_heapGrowth);
            StressPhases.Set(phase, PhaseCounter.PagesGrowth, s_pagesGrowth);
        }

        // A worker: a heap histogram and BlocksPerWorker blocks, all checked and freed.
        private static void Work(nint worker)
        {
            var random = new Xorshift64Star(StressStreams.Derive(StressRun.Options.Seed, StreamBase + (ulong)s_cycle * Workers + (ulong)worker));
            nuint* blocks = stackalloc nuint[BlocksPerWorker];
            uint* sizes = stackalloc uint[BlocksPerWorker];
            var histogram = new HeapHistogram();
            if (!histogram.Create())
            {
                StressRun.Increment(StressCounter.Failed);
                return;
            }
            for (int i = 0; i < BlocksPerWorker; i++)
            {
                sizes[i] = (uint)random.Range(MinBlock, MaxBlock + 1);
                ulong start = Clock.NowNanoseconds;
                blocks[i] = KernelHeap.Allocate(sizes[i], 0);
                ulong took = Clock.NowNanoseconds - start;
                if (blocks[i] == 0)
                {
                    StressRun.Increment(StressCounter.Failed);
                    continue;
                }
                histogram.Record(took);
                s_latency!.Record(took);
                Fill((byte*)blocks[i], sizes[i], (byte)i);
                StressRun.Increment(StressCounter.Ops);
            }
            for (int i = 0; i < BlocksPerWorker; i++)
            {
                if (blocks[i] != 0 && !Intact((byte*)blocks[i], sizes[i], (byte)i))
                    StressRun.Increment(StressCounter.Failed);
                KernelHeap.Free(blocks[i]);
            }
            if (histogram.CountFromBuckets() != histogram.Count)
                StressRun.Increment(StressCounter.Failed);
            histogram.Destroy();
        }

        // The first and last 8 bytes: enough to see a block handed out twice or overlapping another.
        private static void Fill(byte* block, uint size, byte mark)
        {
            for (uint i = 0; i < 8 && i < size; i++)
            {
                block[i] = mark;
                block[size - 1 - i] = mark;
            }
        }

        private static bool Intact(byte* block, uint size, byte mark)
        {
            for (uint i = 0; i < 8 && i < size; i++)
            {
                if (block[i] != mark || block[size - 1 - i] != mark)
                    return false;
            }
            return true;
        }

        public static int FirstGrowthCycle => s_firstGrowth;

        public static long HeapGrowth => s_heapGrowth;

        public static long PagesGrowth => s_pagesGrowth;

        public static long ManagedGrowth => s_managedGrowth;
    }
}
