// The processors of the machine, declared here and implemented by the arch
// twins (x64: ACPI MADT, local APIC INIT-SIPI-SIPI and IPIs; arm64: the device
// tree / PSCI CPU_ON, GIC software interrupts). Index 0 is the boot CPU; the
// others are numbered in the order the firmware lists them. The arch-neutral
// bring-up (smp/SecondaryCpus.cs) decides which to start and waits for each.
using System;

namespace KernelStress.Kernel.Arch
{
    internal enum InterProcessorSignal
    {
        // The receiver runs Scheduler.PreemptIfRequested on its way out.
        Reschedule,
        // The receiver invalidates the page Paging.SetGuard is changing.
        TlbShootdown,
        // The receiver tells Watchdog where it is (pc, sp), even with interrupts
        // off where the arch can (x64: an NMI).
        ReportState,
    }

    internal static partial class Processors
    {
        // The most CPUs the kernel uses: as many as kernel/arch/x64/smp.s has per-CPU
        // blocks and LatencyHistogram shards; more are reported at bring-up, not started.
        public const int MaxCpus = 16;

        // Makes `index` this CPU's answer to CurrentIndex. Each CPU calls it once,
        // before it takes any lock.
        public static partial void SetCurrentIndex(int index);

        public static partial int CurrentIndex();

        // Fills `hardwareIds` (APIC ids / MPIDRs) with every usable CPU the firmware
        // describes, in the firmware's order; returns how many there are in all,
        // which may exceed the span's length, or 0 when the firmware says nothing.
        public static partial int Discover(Span<ulong> hardwareIds);

        // The hardware id of the CPU running this code.
        public static partial ulong CurrentHardwareId();

        // Starts the CPU with this hardware id at arch code that calls
        // SecondaryCpus.Run(index) on a stack whose top is stackTop. False when the
        // start request itself was refused; the caller waits for the CPU to check in.
        public static partial bool Start(int index, ulong hardwareId, nuint stackTop);

        // Interrupts the CPU with this hardware id with `signal`.
        public static partial void Signal(ulong hardwareId, InterProcessorSignal signal);
    }
}
