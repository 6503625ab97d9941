// x86-64 twin of arch/Processors.cs. CPUs come from the ACPI MADT (Madt.X64.cs)
// and are told apart by their local APIC ids; the boot CPU is the one running
// Discover. Start uses the universal start-up algorithm (Intel SDM vol. 3,
// 8.4.4.1): INIT, 10 ms, STARTUP, 200 us, STARTUP, with the vector naming the
// page the real-mode trampoline (arch/x64/smp.s) was copied to. The current
// CPU's index is word 0 of its per-CPU block, reached through the GS base.
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Smp;
using KernelStress.Kernel.Time;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Processors
    {
        // Below 1 MiB (an AP starts in real mode), page-aligned, and outside
        // everything the kernel uses: Multiboot.X64.cs keeps the first MiB out of
        // the page allocator. smp.s assembles the trampoline for this address.
        private const nuint TrampolineBase = 0x8000;
        private const ulong InitDelayNanoseconds = 10_000_000;
        private const ulong StartupDelayNanoseconds = 200_000;

        public static partial void SetCurrentIndex(int index) => ks_set_cpu_block(index);

        public static partial int CurrentIndex() => ks_cpu_index();

        public static partial int Discover(Span<ulong> hardwareIds) => Madt.ReadApicIds(hardwareIds);

        public static partial ulong CurrentHardwareId() => LocalApic.Id();

        public static partial bool Start(int index, ulong hardwareId, nuint stackTop)
        {
            nuint trampoline = ks_trampoline_start();
            uint size = ks_trampoline_size();
            new ReadOnlySpan<byte>((void*)trampoline, (int)size).CopyTo(new Span<byte>((void*)TrampolineBase, (int)size));
            ulong* data = (ulong*)(TrampolineBase + ks_trampoline_data_offset());
            data[0] = ks_read_cr3();
            data[1] = stackTop;
            data[2] = (ulong)index;
            uint vector = (uint)(TrampolineBase >> 12);
            LocalApic.SendInit(hardwareId);
            Delay(InitDelayNanoseconds);
            LocalApic.SendStartup(hardwareId, vector);
            Delay(StartupDelayNanoseconds);
            LocalApic.SendStartup(hardwareId, vector);
            return true;
        }

        public static partial void Signal(ulong hardwareId, InterProcessorSignal signal)
        {
            if (signal == InterProcessorSignal.ReportState)
                LocalApic.SendNmi(hardwareId);
            else
                LocalApic.SendFixed(hardwareId, signal == InterProcessorSignal.Reschedule
                    ? LocalApic.RescheduleVector
                    : LocalApic.TlbShootdownVector);
        }

        private static void Delay(ulong nanoseconds)
        {
            ulong deadline = Clock.NowNanoseconds + nanoseconds;
            while (Clock.NowNanoseconds < deadline)
                Cpu.SpinWaitHint();
        }

        // An AP's first C#, called by the trampoline on the stack Start gave it,
        // interrupts off: its index, its TSS, the shared IDT, then the arch-neutral rest.
        [RuntimeExport("ks_secondary_main")]
        private static void SecondaryMain(int index)
        {
            ks_set_cpu_block(index);
            Gdt.LoadOnThisCpu(index);
            Idt.LoadOnThisCpu();
            SecondaryCpus.Run(index);
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_set_cpu_block")]
        private static extern void ks_set_cpu_block(int index);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_cpu_index")]
        private static extern int ks_cpu_index();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_trampoline_start")]
        private static extern nuint ks_trampoline_start();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_trampoline_size")]
        private static extern uint ks_trampoline_size();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_trampoline_data_offset")]
        private static extern uint ks_trampoline_data_offset();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_cr3")]
        private static extern ulong ks_read_cr3();
    }
}
