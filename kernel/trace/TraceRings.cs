// The per-CPU trace rings: Capacity entries each, taken from the page allocator
// the first time tracing is turned on (for the CPUs online then) and kept.
// Each CPU writes only its own ring, with interrupts off (Append's callers are
// interrupt handlers or hold a spinlock; AppendFromThread turns them off for
// the rest), so nothing else writes the ring meanwhile and the head needs no
// atomic: appending is wait-free, a handful of stores. The ticket's slot
// (ticket mod Capacity) is overwritten, so the oldest entry goes first; entries
// lost = tickets - Capacity. Readers on any CPU (Read) copy an entry under its
// Sequence check and drop one that its writer reused meanwhile.
using System.Runtime.CompilerServices;
using System.Threading;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;

namespace KernelStress.Kernel.Tracing
{
    internal static unsafe partial class TraceRings
    {
        public const int Capacity = 8192;
        private const ulong Mask = Capacity - 1;
        private const ulong RingPages = Capacity * 64 / PageAllocator.PageSize;
        // Heads one cache line apart, so CPUs appending at once do not share a line.
        private const int HeadStride = 8;

        private static readonly ulong[] s_rings = new ulong[Processors.MaxCpus];
        private static readonly ulong[] s_heads = new ulong[Processors.MaxCpus * HeadStride];

        // Rings for every online CPU that has none yet; false when the pages are not there.
        public static bool Allocate()
        {
            for (int cpu = 0; cpu < Scheduler.OnlineCpus; cpu++)
            {
                if (Volatile.Read(ref s_rings[cpu]) != 0)
                    continue;
                nuint ring = PageAllocator.Allocate(RingPages, PageOwner.Pages);
                if (ring == 0)
                    return false;
                new System.Span<byte>((void*)ring, (int)(RingPages * PageAllocator.PageSize)).Clear();
                Volatile.Write(ref s_rings[cpu], (ulong)ring);
            }
            return true;
        }

        public static bool Has(int cpu) => Volatile.Read(ref s_rings[cpu]) != 0;

        // Empties every ring. Tracing is off while this runs.
        public static void Clear()
        {
            for (int cpu = 0; cpu < Processors.MaxCpus; cpu++)
                Volatile.Write(ref s_heads[cpu * HeadStride], 0);
        }

        // Entries appended to `cpu`'s ring since Clear (the ring holds the last Capacity).
        public static ulong Appended(int cpu) => Volatile.Read(ref s_heads[cpu * HeadStride]);

        public static ulong Overwritten(int cpu)
        {
            ulong appended = Appended(cpu);
            return appended > Capacity ? appended - Capacity : 0;
        }

        // Interrupts off, on CPU `cpu`. `time` is the cycle counter, or for a Switch the clock's
        // nanoseconds. Inlined: under an emulator every call and return costs as much as the append.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Append(int cpu, TraceKind kind, ulong time, uint a, ulong b, ulong c, ulong d, ulong e)
        {
            TraceEntry* ring = (TraceEntry*)s_rings[cpu];
            if (ring == null)
                return;
            ref ulong head = ref s_heads[cpu * HeadStride];
            ulong ticket = head;
            Volatile.Write(ref head, ticket + 1);
            TraceEntry* slot = ring + (ticket & Mask);
            Invalidate(slot);
            slot->Time = time;
            slot->Kind = kind;
            slot->A = a;
            slot->B = b;
            slot->C = c;
            slot->D = d;
            slot->E = e;
            Volatile.Write(ref slot->Sequence, ticket + 1);
        }

        // Interrupts off or on: Append with the cycle counter now.
        public static void AppendFromThread(TraceKind kind, uint a, ulong b, ulong c, ulong d, ulong e)
        {
            bool interrupts = Cpu.DisableInterruptsSaving();
            Append(Processors.CurrentIndex(), kind, Cpu.ReadCycleCounter(), a, b, c, d, e);
            if (interrupts)
                Cpu.EnableInterrupts();
        }

        // Marks the slot incomplete so that a reader sees that before any field changes.
        private static partial void Invalidate(TraceEntry* slot);

        // The entry with ticket `ticket` of `cpu`'s ring; false when it was overwritten or is still being written.
        public static bool Read(int cpu, ulong ticket, out TraceEntry entry)
        {
            TraceEntry* slot = (TraceEntry*)s_rings[cpu] + (ticket & Mask);
            ulong before = Volatile.Read(ref slot->Sequence);
            entry = *slot;
            // Interlocked.Read is a compare-and-swap: a full barrier after the copy.
            return before == ticket + 1 && Interlocked.Read(ref slot->Sequence) == before;
        }
    }
}
