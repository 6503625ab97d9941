// The kernel's trace: what ran where and what happened, per CPU, in TraceRings.
// Owns the enabled mask (one bit per TraceKind; 0 = off) and the events'
// meaning. Every hook below is callable from any context, interrupt handlers
// included: it reads the mask and returns at once when its kind is off, and
// otherwise appends one entry (TraceRings: wait-free, no lock, no
// allocation; the thread-context hooks turn interrupts off for the append). Hooks sit at the call sites: the scheduler's switch, the arch
// interrupt dispatchers, the sacrificial-fault exit, the chaos loop, the
// autonomy controller, the memory workload's OOM, the watchdog and the tick.
// Entry fields per kind (TraceDump writes them out):
//   Switch     A = from id | to id << 16, B = from's state (the names: TraceNames)
//   Interrupt  A = vector (x64) or exception slot (arm64), B = 1 on entry, 0 on exit
//   Fault      A = thread id, B = the vector of the interrupt entry it died in
//   Chaos      A = ChaosEvent, B = parameter, C = injected | recovered << 1, D = recovery ns
//   Autonomy   A = AutonomyAction or 100 + MemoryAction, B = learner state + 1 (0: rules), C = succeeded/explored, D = ns, E = the previous action's reward's bits
//   Oom        B = bytes the run's pools hold, C = pressure %
//   HeapLock   B = cycles the kernel heap's lock was held
//   Stall      A = the stalled CPU, B = ns since its last tick
//   Heap       B = kernel heap bytes in use, C = stress pressure %
using System.Runtime.CompilerServices;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress;
using KernelStress.Metrics;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe class KernelTrace
    {
        // A heap-lock hold is traced when it is longer than this (20 us).
        public const ulong HeapLockThresholdNs = 20_000;
        // The heap counters are sampled every this many ticks of the boot CPU.
        private const ulong HeapSampleTicks = 10;
        public const uint LearnerActionBase = 100;

        private static uint s_mask;
        private static ulong s_heapLockThresholdCycles;
        private static ulong s_ticks;
        private static readonly uint[] s_lastVector = new uint[Processors.MaxCpus];

        public static uint Mask => Volatile.Read(ref s_mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsOn(TraceKind kind) => (Volatile.Read(ref s_mask) & (1u << (int)kind)) != 0;

        public static ulong HeapLockThresholdCycles => s_heapLockThresholdCycles;

        // Empties the rings and records the kinds in `mask` from now on; false when the rings' pages are not there.
        public static bool Start(uint mask)
        {
            Volatile.Write(ref s_mask, 0);
            if (!TraceRings.Allocate())
                return false;
            TraceRings.Clear();
            TraceNames.Clear();
            s_heapLockThresholdCycles = HeapLockThresholdNs * Time.Clock.CounterHz / 1_000_000_000;
            Volatile.Write(ref s_mask, mask);
            return true;
        }

        public static void Stop() => Volatile.Write(ref s_mask, 0);

        // Lock held, in Schedule after `to` got its CPU and start time. Inlined there, with
        // no call left (under an emulator a call and return cost as much as the append):
        // with tracing off it is one load and a branch.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Switch(ref KernelThread from, ref KernelThread to)
        {
            if (!IsOn(TraceKind.Switch))
                return;
            TraceNames.Remember(ref from);
            TraceNames.Remember(ref to);
            TraceRings.Append(to.Cpu, TraceKind.Switch, to.StartedNanoseconds, (uint)(from.Id & 0xFFFF) | (uint)(to.Id & 0xFFFF) << 16, (ulong)from.State, 0, 0, 0);
        }

        public static void InterruptEnter(ulong vector)
        {
            if (!IsOn(TraceKind.Interrupt) && !IsOn(TraceKind.Fault))
                return;
            s_lastVector[Processors.CurrentIndex()] = (uint)vector;
            if (IsOn(TraceKind.Interrupt))
                TraceRings.Append(Processors.CurrentIndex(), TraceKind.Interrupt, Cpu.ReadCycleCounter(), (uint)vector, 1, 0, 0, 0);
        }

        public static void InterruptExit(ulong vector)
        {
            if (IsOn(TraceKind.Interrupt))
                TraceRings.Append(Processors.CurrentIndex(), TraceKind.Interrupt, Cpu.ReadCycleCounter(), (uint)vector, 0, 0, 0, 0);
        }

        // Interrupt context: the current thread is killed for the exception it took.
        public static void Fault(int threadId)
        {
            if (IsOn(TraceKind.Fault))
                TraceRings.Append(Processors.CurrentIndex(), TraceKind.Fault, Cpu.ReadCycleCounter(), (uint)threadId, s_lastVector[Processors.CurrentIndex()], 0, 0, 0);
        }

        public static void Chaos(int chaosEvent, int parameter, bool injected, bool recovered, ulong recoveryNs)
        {
            if (IsOn(TraceKind.Chaos))
                TraceRings.AppendFromThread(TraceKind.Chaos, (uint)chaosEvent, (ulong)parameter,
                    (injected ? 1UL : 0) | (recovered ? 2UL : 0), recoveryNs, 0);
        }

        // The autonomy controller judged an intervention.
        public static void Intervention(AutonomyAction action, ulong nanoseconds, bool succeeded)
        {
            if (IsOn(TraceKind.Autonomy))
                TraceRings.AppendFromThread(TraceKind.Autonomy, (uint)action, 0, succeeded ? 1UL : 0, nanoseconds, 0);
        }

        // The learner chose `memoryAction` in `state`; `reward` is what its previous action earned.
        public static void Decision(int state, int memoryAction, bool explored, double reward)
        {
            if (IsOn(TraceKind.Autonomy))
                TraceRings.AppendFromThread(TraceKind.Autonomy, LearnerActionBase + (uint)memoryAction, (ulong)(state + 1),
                    explored ? 1UL : 0, 0, *(ulong*)&reward);
        }

        public static void Oom()
        {
            if (IsOn(TraceKind.Oom))
                TraceRings.AppendFromThread(TraceKind.Oom, 0, MemoryBudget.HeldBytes, MemoryBudget.PressurePct, 0, 0);
        }

        // Lock held: the kernel heap's lock was held `cycles` until `now` (TimedSpinLock; only holds over the threshold).
        public static void HeapLockHeld(ulong now, ulong cycles) => TraceRings.Append(Processors.CurrentIndex(), TraceKind.HeapLock, now, 0, cycles, 0, 0, 0);

        public static void Stall(int cpu, ulong stalledNs)
        {
            if (IsOn(TraceKind.Stall))
                TraceRings.Append(Processors.CurrentIndex(), TraceKind.Stall, Cpu.ReadCycleCounter(), (uint)cpu, stalledNs, 0, 0, 0);
        }

        // Interrupt context, every tick of every CPU: the boot CPU samples the heap counters.
        public static void OnTick(int cpu)
        {
            if (cpu != 0 || !IsOn(TraceKind.Heap) || ++s_ticks % HeapSampleTicks != 0)
                return;
            TraceRings.Append(cpu, TraceKind.Heap, Cpu.ReadCycleCounter(), 0, KernelHeap.InUseBytes, MemoryBudget.PressurePct, 0, 0);
        }
    }
}
