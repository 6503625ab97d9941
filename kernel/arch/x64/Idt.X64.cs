// The x86-64 interrupt descriptor table: 256 interrupt gates, each pointing at
// its stub in arch/x64/interrupts.s, in the 64-bit code segment (selector 0x08,
// set up by boot.s), present, ring 0. Interrupt gates (type 0xE) clear IF on
// entry, so a handler is never interrupted by a device interrupt. The double
// fault and the page fault switch to their own stacks (the TSS's IST1 and
// IST2, Gdt.X64.cs), so a stack overflow into a guard page can be reported.
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Idt
    {
        private const int Vectors = 256;
        private const ushort KernelCodeSelector = 0x08;
        private const byte PresentInterruptGate = 0x8E;
        private const int DoubleFaultVector = 8;
        private const int PageFaultVector = 14;

        [StructLayout(LayoutKind.Sequential)]
        private struct Gate
        {
            public ushort OffsetLow;
            public ushort Selector;
            public byte InterruptStackTable;
            public byte TypeAttributes;
            public ushort OffsetMiddle;
            public uint OffsetHigh;
            public uint Reserved;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 2)]
        private struct Descriptor
        {
            public ushort Limit;
            public ulong Base;
        }

        // Lives in .bss (a non-GC static buffer), never moves.
        private static Table s_table;

        [InlineArray(Vectors)]
        private struct Table
        {
            private Gate _gate;
        }

        public static void Load()
        {
            fixed (Table* table = &s_table)
            {
                Gate* gates = (Gate*)table;
                for (int vector = 0; vector < Vectors; vector++)
                {
                    ulong stub = ks_interrupt_stub(vector);
                    gates[vector] = new Gate
                    {
                        OffsetLow = (ushort)stub,
                        Selector = KernelCodeSelector,
                        InterruptStackTable = vector == DoubleFaultVector ? Gdt.DoubleFaultStack
                            : vector == PageFaultVector ? Gdt.PageFaultStack : (byte)0,
                        TypeAttributes = PresentInterruptGate,
                        OffsetMiddle = (ushort)(stub >> 16),
                        OffsetHigh = (uint)(stub >> 32),
                    };
                }
            }
            LoadOnThisCpu();
        }

        // Every CPU loads the same table; Load fills it first, on the boot CPU.
        public static void LoadOnThisCpu()
        {
            fixed (Table* table = &s_table)
            {
                var descriptor = new Descriptor { Limit = (ushort)(Vectors * sizeof(Gate) - 1), Base = (ulong)table };
                ks_load_idt(&descriptor);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_interrupt_stub")]
        private static extern ulong ks_interrupt_stub(int vector);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_load_idt")]
        private static extern void ks_load_idt(Descriptor* descriptor);
    }
}
