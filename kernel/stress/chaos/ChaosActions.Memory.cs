// Chaos events on the kernel heap.
//  memory_spike: allocate p blocks of 256 B-4 KiB (no fault: see
//    ChaosEvents.HasFault); invariant: after an OOM, an allocation succeeds
//    again once 20-70 % of the chaos pool is freed.
//  memory_release: free p % of the chaos pool; fault: a double free of a
//    probe block; invariant: the heap rejects it as a double free.
//  (OOMs here count as oom_events, and a successful recovery as oom_recoveries.)
//  memory_churn: p alloc+free pairs of 64 B-2 KiB; fault: a free of an
//    interior pointer; invariant: the heap rejects it and the real free works.
//  heap_corruption: p probe blocks checked and freed; fault: a probe's header
//    canary is overwritten; invariant: the heap refuses the free (and changes
//    nothing), then rebuilds the header from its slab (KernelHeap.RepairHeader)
//    and the block frees.
// Probe blocks are 8 bytes (the 16-byte size class), a class no workload
// uses, so a probe's neighbours and free list are the probes' own.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static unsafe partial class ChaosActions
    {
        private const nuint ProbeSize = 8;

        private static bool MemorySpike(int count, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            for (int i = 0; i < count; i++)
            {
                AllocOutcome outcome = s_pool.Allocate((uint)random.Range(256, 4097), out _);
                if (outcome == AllocOutcome.OverBudget || outcome == AllocOutcome.HeapExhausted)
                {
                    StressRun.Increment(StressCounter.OomEvents);
                    return RecoverFromOom(ref random, out recoveryNs);
                }
            }
            return true;
        }

        private static bool RecoverFromOom(ref Xorshift64Star random, out ulong recoveryNs)
        {
            ulong start = Clock.NowNanoseconds;
            ulong freed = s_pool.FreeRandom((uint)random.Range(20, 71), ref random);
            StressRun.Add(StressCounter.BytesFreedOnRecovery, (long)freed);
            bool allocates = s_pool.Allocate(256, out _) == AllocOutcome.Allocated;
            recoveryNs = Clock.NowNanoseconds - start;
            if (allocates)
                StressRun.Increment(StressCounter.OomRecoveries);
            return allocates;
        }

        private static bool MemoryRelease(int percent, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            s_pool.FreeRandom((uint)percent, ref random);
            if (!inject)
                return true;
            // The keeper holds the probes' slab: freed empty, it would go back to
            // the page allocator and the second free would be a foreign one.
            nuint keeper = KernelHeap.Allocate(ProbeSize, 16);
            nuint probe = KernelHeap.Allocate(ProbeSize, 16);
            if (keeper == 0 || probe == 0)
            {
                KernelHeap.Free(keeper);
                KernelHeap.Free(probe);
                return false;
            }
            KernelHeap.Free(probe);
            ulong doubleFrees = KernelHeap.DoubleFrees;
            StressOutput.Lock.Lock();
            ulong start = Clock.NowNanoseconds;
            FreeStatus status = KernelHeap.Free(probe);
            recoveryNs = Clock.NowNanoseconds - start;
            StressOutput.Lock.Unlock();
            bool keeperFrees = KernelHeap.Free(keeper) == FreeStatus.Freed;
            return status == FreeStatus.DoubleFree && KernelHeap.DoubleFrees == doubleFrees + 1 && keeperFrees;
        }

        private static bool MemoryChurn(int pairs, bool inject, ref Xorshift64Star random, out ulong recoveryNs)
        {
            recoveryNs = 0;
            bool held = true;
            for (int i = 0; i < pairs; i++)
            {
                nuint block = KernelHeap.Allocate((nuint)random.Range(64, 2049), 16);
                if (block == 0)
                    return false;
                if (inject && i == pairs / 2)
                {
                    StressOutput.Lock.Lock();
                    ulong start = Clock.NowNanoseconds;
                    FreeStatus wrong = KernelHeap.Free(block + 16);
                    held = wrong != FreeStatus.Freed;
                    recoveryNs = Clock.NowNanoseconds - start;
                    StressOutput.Lock.Unlock();
                }
                held &= KernelHeap.Free(block) == FreeStatus.Freed;
            }
            return held;
        }

        private static bool HeapCorruption(int probes, bool inject, out ulong recoveryNs)
        {
            recoveryNs = 0;
            bool held = true;
            for (int i = 0; i < probes; i++)
            {
                nuint probe = KernelHeap.Allocate(ProbeSize, 16);
                if (probe == 0)
                    return false;
                if (inject)
                {
                    ulong* canary = (ulong*)(probe - KernelHeap.HeaderSize + 8);
                    ulong saved = *canary;
                    *canary = saved ^ 0x5A5A_5A5A_5A5A_5A5AUL;
                    ulong corrupt = KernelHeap.CorruptHeaders;
                    ulong repairs = KernelHeap.HeadersRepaired;
                    StressOutput.Lock.Lock();
                    ulong start = Clock.NowNanoseconds;
                    FreeStatus detected = KernelHeap.Free(probe);
                    StressOutput.Lock.Unlock();
                    bool repaired = KernelHeap.RepairHeader(probe) && KernelHeap.Free(probe) == FreeStatus.Freed;
                    recoveryNs = Clock.NowNanoseconds - start;
                    held &= detected == FreeStatus.CorruptHeader && KernelHeap.CorruptHeaders == corrupt + 1
                        && repaired && KernelHeap.HeadersRepaired == repairs + 1;
                    if (!repaired)
                    {
                        // Judged already: the probe is given back for the events after this one.
                        *canary = saved;
                        KernelHeap.Free(probe);
                    }
                }
                else
                {
                    held &= KernelHeap.Free(probe) == FreeStatus.Freed;
                }
            }
            return held;
        }
    }
}
