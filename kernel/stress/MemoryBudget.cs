// The heap budget of a stress run, and its pressure. The budget is a quarter
// of the physical memory free when the run starts, at most 16 MiB: small
// enough that a workload reaches it in milliseconds, so an OOM is reachable
// without starving the rest of the kernel (thread stacks, the shell).
// Pressure = the payload bytes the run's block pools hold in the kernel heap,
// as a share of the budget. An OOM is an allocation refused because it would
// exceed the budget, or one the kernel heap itself could not satisfy.
using System.Threading;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Stress
{
    internal static class MemoryBudget
    {
        private const ulong MaxBudgetBytes = 16UL << 20;

        private static ulong s_budget = 1;
        private static ulong s_held;
        private static ulong s_peak;

        public static ulong BudgetBytes => s_budget;

        public static ulong HeldBytes => Volatile.Read(ref s_held);

        public static ulong PeakBytes => Volatile.Read(ref s_peak);

        // Pressure in percent of the budget (can pass 100 by at most one block).
        public static uint PressurePct => (uint)(HeldBytes * 100 / s_budget);

        public static uint PeakPressurePct => (uint)(PeakBytes * 100 / s_budget);

        public static void Reset()
        {
            ulong quarter = PageAllocator.FreePages * PageAllocator.PageSize / 4;
            s_budget = quarter < MaxBudgetBytes ? quarter : MaxBudgetBytes;
            if (s_budget == 0)
                s_budget = 1;
            Volatile.Write(ref s_held, 0);
            Volatile.Write(ref s_peak, 0);
        }

        // Claims `bytes` of the budget; false (nothing claimed) when it would be exceeded.
        public static bool TryReserve(ulong bytes)
        {
            ulong held = Interlocked.Add(ref s_held, bytes);
            if (held > s_budget)
            {
                Interlocked.Add(ref s_held, 0UL - bytes);
                return false;
            }
            ulong peak = Volatile.Read(ref s_peak);
            while (held > peak)
            {
                ulong seen = Interlocked.CompareExchange(ref s_peak, held, peak);
                if (seen == peak)
                    break;
                peak = seen;
            }
            return true;
        }

        public static void Release(ulong bytes) => Interlocked.Add(ref s_held, 0UL - bytes);
    }
}
