// The x86-64 global descriptor table the kernel runs on after boot: boot.s's
// two segments (0x08 64-bit code, 0x10 data, unchanged so no segment register
// needs reloading) and one task-state segment per CPU. In long mode a TSS only
// carries stack pointers; ours fill the interrupt stack table (IST), so the
// double fault and the page fault run on a stack of their own (Idt.X64.cs
// names IST1 and IST2 in those gates). Without it a thread that overflows into
// its guard page faults again pushing the exception frame there, and the CPU
// resets (triple fault); with it the page fault is reported and, in a
// sacrificial thread, only that thread dies.
// Each CPU fills its own TSS and descriptor (LoadOnThisCpu) before it enables
// interrupts; the table is shared and sized for Processors.MaxCpus.
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Gdt
    {
        public const byte DoubleFaultStack = 1;
        public const byte PageFaultStack = 2;

        private const int FirstTssEntry = 3;
        private const int Entries = FirstTssEntry + 2 * Processors.MaxCpus;   // a TSS descriptor takes two entries
        private const ulong KernelCode = 0x00AF9A000000FFFF;
        private const ulong KernelData = 0x00CF92000000FFFF;
        private const ulong AvailableTss = 0x9UL << 40;
        private const ulong Present = 1UL << 47;
        private const ulong StackPages = 4;

        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct TaskState
        {
            public uint Reserved0;
            public ulong Rsp0, Rsp1, Rsp2;
            public ulong Reserved1;
            public ulong Ist1, Ist2, Ist3, Ist4, Ist5, Ist6, Ist7;
            public ulong Reserved2;
            public ushort Reserved3;
            public ushort IoMapBase;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 2)]
        private struct Descriptor
        {
            public ushort Limit;
            public ulong Base;
        }

        [InlineArray(Entries)]
        private struct Table
        {
            private ulong _entry;
        }

        [InlineArray(Processors.MaxCpus)]
        private struct TaskStates
        {
            private TaskState _state;
        }

        // .bss, never moves.
        private static Table s_table;
        private static TaskStates s_taskStates;

        public static void LoadOnThisCpu(int cpu)
        {
            fixed (Table* table = &s_table)
            fixed (TaskStates* states = &s_taskStates)
            {
                ulong* entries = (ulong*)table;
                entries[1] = KernelCode;
                entries[2] = KernelData;
                TaskState* state = (TaskState*)states + cpu;
                *state = default;
                state->Ist1 = Stack();
                state->Ist2 = Stack();
                state->IoMapBase = (ushort)sizeof(TaskState);   // no I/O permission bitmap
                ulong address = (ulong)state;
                ulong limit = (ulong)sizeof(TaskState) - 1;
                int entry = FirstTssEntry + 2 * cpu;
                entries[entry] = (limit & 0xFFFF) | (address & 0xFFFFFF) << 16 | AvailableTss | Present
                    | (limit >> 16 & 0xF) << 48 | (address >> 24 & 0xFF) << 56;
                entries[entry + 1] = address >> 32;
                var descriptor = new Descriptor { Limit = (ushort)(Entries * sizeof(ulong) - 1), Base = (ulong)entries };
                ks_load_gdt(&descriptor);
                ks_load_task_register((ushort)(entry * sizeof(ulong)));
            }
        }

        // The top of a fresh stack for one IST entry, reserved for good.
        private static ulong Stack() =>
            (ulong)PageAllocator.ReserveAtBoot(StackPages) + StackPages * PageAllocator.PageSize;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_load_gdt")]
        private static extern void ks_load_gdt(Descriptor* descriptor);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_load_task_register")]
        private static extern void ks_load_task_register(ushort selector);
    }
}
