// An ARM GICv2 (Generic Interrupt Controller v2, IHI 0048B; the GIC-400 is one):
// a distributor (GICD) that routes interrupt IDs to CPUs, and one CPU interface
// (GICC) per CPU that signals the highest-priority pending one and takes the
// acknowledge/end-of-interrupt. IDs 16-31 are per-CPU peripherals (PPIs, e.g.
// the generic timer), 32 and up shared peripherals (SPIs, e.g. the UART), and
// 0-15 software-generated interrupts (SGIs) that one CPU sends another: the
// signals of Processors.Signal, SGI n for signal n. Interrupts are in group 1,
// signalled as IRQ, except the ReportState SGI: group 0, top priority, and
// signalled as FIQ (GICC_CTLR.FIQEn), so it reaches a CPU with IRQs masked.
// (That needs a GIC without the Security Extensions, or access as Secure, as
// on QEMU virt; where group 0 is out of reach the GIC keeps it in group 1 and
// it arrives as an IRQ.) The per-CPU registers
// (GICC, and GICD's entries for IDs 0-31) are banked: each CPU sets up its own.
// Used by the boards with a GIC (virt, rpi4) through gicv2/Board.GicV2.cs.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static class GicV2
    {
        private const nuint DistributorControl = 0x000;    // GICD_CTLR
        private const nuint DistributorType = 0x004;       // GICD_TYPER
        private const nuint Group = 0x080;                 // GICD_IGROUPRn: 1 = group 1 (IRQ)
        private const nuint SetEnable = 0x100;             // GICD_ISENABLERn
        private const nuint ClearEnable = 0x180;           // GICD_ICENABLERn
        private const nuint Priority = 0x400;              // GICD_IPRIORITYRn, one byte per ID
        private const nuint Targets = 0x800;               // GICD_ITARGETSRn, one byte per ID
        private const nuint SoftwareInterrupt = 0xF00;     // GICD_SGIR
        private const nuint CpuControl = 0x000;            // GICC_CTLR
        private const nuint PriorityMask = 0x004;          // GICC_PMR
        private const nuint Acknowledge = 0x00C;           // GICC_IAR
        private const nuint EndOfInterrupt = 0x010;        // GICC_EOIR
        private const nuint HighestPending = 0x018;        // GICC_HPPIR
        // GICC_CTLR: EnableGrp0, EnableGrp1, AckCtl (IAR acknowledges group 1 too), FIQEn.
        private const uint CpuInterfaceOn = 0xF;
        // GICD_CTLR: EnableGrp0, EnableGrp1.
        private const uint DistributorOn = 0x3;
        private const uint ReportStateSgi = (uint)InterProcessorSignal.ReportState;
        private const uint ReportStatePriority = 0x00;
        private const uint SpuriousId = 1023;
        private const uint FirstShared = 32;
        private const uint Signals = 3;                    // SGI 0-2: InterProcessorSignal
        private const uint DevicePriority = 0xA0;
        private const uint BootCpuTarget = 0x01;           // bit n = CPU interface n

        // Disables every ID, then turns the distributor and this CPU's interface on.
        public static void Initialize(nuint distributor, nuint cpuInterface)
        {
            Mmio.Write(distributor + DistributorControl, 0);
            uint lines = ((Mmio.Read(distributor + DistributorType) & 0x1F) + 1) * 32;
            for (uint id = 0; id < lines; id += 32)
            {
                Mmio.Write(distributor + ClearEnable + id / 8, 0xFFFFFFFF);
                Mmio.Write(distributor + Group + id / 8, 0xFFFFFFFF);
            }
            Mmio.Write(distributor + DistributorControl, DistributorOn);
            InitializeCpuInterface(distributor, cpuInterface);
        }

        // This CPU's interface on, and the signals from other CPUs unmasked.
        public static unsafe void InitializeCpuInterface(nuint distributor, nuint cpuInterface)
        {
            Mmio.Write(distributor + Group, ~(1u << (int)ReportStateSgi));   // banked: IDs 0-31 of this CPU
            for (uint id = 0; id < Signals; id++)
                Enable(distributor, id);
            *(byte*)(distributor + Priority + ReportStateSgi) = (byte)ReportStatePriority;
            Mmio.Write(cpuInterface + PriorityMask, 0xF0);  // let priorities 0x00-0xEF through
            Mmio.Write(cpuInterface + CpuControl, CpuInterfaceOn);
        }

        // FIQ context: acknowledges and handles the ReportState SGI if it is what
        // is pending, and nothing else (an IRQ source must not run here).
        public static unsafe void HandleFast(nuint cpuInterface, ExceptionFrame* interrupted)
        {
            if ((Mmio.Read(cpuInterface + HighestPending) & 0x3FF) != ReportStateSgi)
                return;
            uint acknowledged = Mmio.Read(cpuInterface + Acknowledge);
            Processors.OnSignal((int)(acknowledged & 0x3FF), interrupted);
            Mmio.Write(cpuInterface + EndOfInterrupt, acknowledged);
        }

        // Raises SGI `signal` on the CPU whose interface number is `target`
        // (CPU interface n is core n on the boards here: Aff0).
        public static void SendSignal(nuint distributor, ulong target, int signal)
        {
            // DSB: what the receiver is told to look at (memory) is visible before the interrupt.
            ks_data_barrier();
            Mmio.Write(distributor + SoftwareInterrupt, (1u << (16 + (int)(target & 7))) | (uint)signal);
        }

        // Gives `id` a priority, routes it (if shared) to the boot CPU and unmasks it.
        public static unsafe void Enable(nuint distributor, uint id)
        {
            *(byte*)(distributor + Priority + id) = (byte)DevicePriority;
            if (id >= FirstShared)
                *(byte*)(distributor + Targets + id) = (byte)BootCpuTarget;
            Mmio.Write(distributor + SetEnable + id / 32 * 4, 1u << (int)(id % 32));
        }

        // Interrupt context: handles pending IDs until the interface reports
        // none (the spurious ID). Each acknowledged ID gets its end-of-interrupt
        // after its handler has silenced the device.
        public static unsafe void HandlePending(nuint cpuInterface, uint timerId, uint uartId, ExceptionFrame* interrupted)
        {
            while (true)
            {
                uint acknowledged = Mmio.Read(cpuInterface + Acknowledge);
                uint id = acknowledged & 0x3FF;
                if (id == SpuriousId)
                    return;
                if (id < Signals)
                    Processors.OnSignal((int)id, interrupted);
                else if (id == timerId)
                    TickSource.OnInterrupt();
                else if (id == uartId)
                    Uart.DrainReceived();
                else
                    Interrupts.CountUnexpected();
                Mmio.Write(cpuInterface + EndOfInterrupt, acknowledged);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_data_barrier")]
        private static extern void ks_data_barrier();
    }
}
