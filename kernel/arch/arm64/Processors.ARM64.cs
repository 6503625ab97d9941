// AArch64 twin of arch/Processors.cs. CPUs are named by their affinity
// (MPIDR_EL1 Aff3..Aff0) and listed by the board (the device tree's /cpus on
// virt; the four cores of a Pi); the board starts one (PSCI CPU_ON on virt,
// the spin table on a Pi) at ks_secondary_entry (arch/arm64/boot.s), which
// reads its page tables, stack and index from secondary_boot. That block is
// read with the MMU off, so it is cleaned to memory (the point of coherency)
// before the start. The current CPU's index lives in TPIDR_EL1.
// Signals are the board's software-generated interrupts (GIC SGIs, or the
// BCM2836's per-core mailboxes); ReportState is routed to FIQ, which the kernel
// never masks, so a CPU spinning with IRQs masked still answers it (x64: an NMI).
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Smp;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Processors
    {
        public static partial void SetCurrentIndex(int index) => ks_set_cpu_index(index);

        public static partial int CurrentIndex() => ks_cpu_index();

        public static partial int Discover(Span<ulong> hardwareIds) => Board.DiscoverCpus(hardwareIds);

        public static partial ulong CurrentHardwareId() => ks_hardware_id();

        public static partial bool Start(int index, ulong hardwareId, nuint stackTop)
        {
            ulong* block = (ulong*)ks_secondary_boot_block();
            block[0] = ks_read_ttbr0();
            block[1] = stackTop;
            block[2] = (ulong)index;
            ks_dcache_clean_invalidate((nuint)block, 3 * sizeof(ulong));
            return Board.StartCpu(hardwareId, ks_secondary_entry_address());
        }

        public static partial void Signal(ulong hardwareId, InterProcessorSignal signal) =>
            Board.SendSignal(hardwareId, (int)signal);

        // Interrupt context: what a signal from another CPU asks of this one;
        // `interrupted` is where this CPU was when it came.
        public static void OnSignal(int signal, ExceptionFrame* interrupted)
        {
            // Reschedule: the sender set this CPU's NeedReschedule, which the
            // exception exit acts on; only counted here. A TLB shootdown is never
            // sent on arm64 (TLBI ...IS broadcasts to every core), but honoured if it comes.
            if (signal == (int)InterProcessorSignal.Reschedule)
                Scheduler.OnSignalReceived();
            else if (signal == (int)InterProcessorSignal.TlbShootdown)
                ks_tlb_invalidate_local();
            else if (signal == (int)InterProcessorSignal.ReportState)
                Watchdog.Watchdog.OnStateRequested(CurrentIndex(), interrupted->Elr, interrupted->Sp);
        }

        // A further CPU's first C#, from ks_secondary_entry on the stack Start
        // gave it, MMU on, interrupts masked: exception entry, its interrupt
        // controller interface, then the arch-neutral rest.
        [RuntimeExport("ks_secondary_main")]
        private static void SecondaryMain(int index)
        {
            SetCurrentIndex(index);
            Interrupts.InitializeOnThisCpu();
            SecondaryCpus.Run(index);
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_set_cpu_index")]
        private static extern void ks_set_cpu_index(int index);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_cpu_index")]
        private static extern int ks_cpu_index();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_hardware_id")]
        private static extern ulong ks_hardware_id();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_secondary_boot_block")]
        private static extern nuint ks_secondary_boot_block();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_secondary_entry_address")]
        private static extern nuint ks_secondary_entry_address();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_ttbr0")]
        private static extern ulong ks_read_ttbr0();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_dcache_clean_invalidate")]
        private static extern void ks_dcache_clean_invalidate(nuint start, nuint bytes);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_tlb_invalidate_local")]
        private static extern void ks_tlb_invalidate_local();
    }
}
