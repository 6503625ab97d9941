// The Raspberry Pi 3 (BCM2837; QEMU -M raspi3b): peripherals at 0x3F000000,
// the PL011 (UART0) at 0x3F201000 with the 48 MHz clock config.txt asks for
// (init_uart_clock), RAM from the firmware's mailbox. Interrupts come through
// two controllers: the BCM2836 "local" controller at 0x40000000 (per core:
// its generic timers and a summary bit for everything from the GPU side) and
// the BCM2835 controller at 0x3F00B200 behind that bit (the UART is its IRQ 57,
// bit 25 of the second bank). The local controller also gives each core its
// timer routing, its IRQ and FIQ source registers and four mailboxes: mailbox 0
// carries the other cores' signals as IRQs (bit n = signal n), mailbox 1 the
// watchdog's ReportState as a FIQ (which reaches a core with IRQs masked).
// The GPU side is routed to core 0.
// Cores 1-3 wait on the firmware's spin table (SpinTable). No PSCI: power-off
// is the PM watchdog (PmWatchdog).
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        private const nuint Peripherals = 0x3F00_0000;
        private const ulong RamLimit = 0x3F00_0000;
        private const nuint Pl011 = Peripherals + 0x20_1000;
        private const nuint Local = 0x4000_0000;
        private const nuint GpuInterruptRouting = Local + 0x0C;     // GPU IRQs to core 0 when 0
        private const nuint TimerControl = Local + 0x40;            // + 4 * core: which timers raise IRQ
        private const nuint MailboxControl = Local + 0x50;          // + 4 * core: which mailboxes raise IRQ
        private const nuint IrqSource = Local + 0x60;               // + 4 * core: what is pending as IRQ
        private const nuint FiqSource = Local + 0x70;               // + 4 * core: what is pending as FIQ
        private const nuint Mailbox0Set = Local + 0x80;             // + 16 * core: write 1s to set bits
        private const nuint Mailbox0Clear = Local + 0xC0;           // + 16 * core: read; write 1s to clear
        private const nuint Mailbox1Set = Local + 0x84, Mailbox1Clear = Local + 0xC4;
        private const uint Mailbox0IrqEnable = 1u << 0, Mailbox1FiqEnable = 1u << 5;  // in MailboxControl
        private const uint Mailbox1Pending = 1u << 5;               // in FiqSource
        private const uint VirtualTimerIrq = 1u << 3;               // nCNTVIRQ, in TimerControl and IrqSource
        private const uint Mailbox0Irq = 1u << 4;                   // in IrqSource; bit 0 in MailboxControl
        private const uint GpuIrq = 1u << 8;                        // in IrqSource (core 0)
        private const nuint Legacy = Peripherals + 0xB200;
        private const nuint Pending2 = Legacy + 0x08;               // IRQs 32-63 pending
        private const nuint Enable2 = Legacy + 0x14;                // write 1 to enable IRQs 32-63
        private const nuint Disable1 = Legacy + 0x1C, Disable2 = Legacy + 0x20, DisableBasic = Legacy + 0x24;
        private const uint UartIrq = 1u << (57 - 32);

        public static partial nuint UartBase() => Pl011;

        public static partial ulong UartClockHz() => 48_000_000;

        public static partial void RouteUartPins() => UartPins.RouteToPl011(Peripherals);

        public static partial void ReadMemoryMap(nuint loaderArgument) => ArmMemory.Read(Peripherals, RamLimit);

        public static partial void InitializeInterruptController()
        {
            Mmio.Write(Disable1, 0xFFFF_FFFF);
            Mmio.Write(Disable2, 0xFFFF_FFFF);
            Mmio.Write(DisableBasic, 0xFFFF_FFFF);
            Mmio.Write(GpuInterruptRouting, 0);
            InitializeInterruptsOnThisCpu();
        }

        public static partial void InitializeInterruptsOnThisCpu()
        {
            nuint core = Core();
            Mmio.Write(TimerControl + 4 * core, 0);
            Mmio.Write(Mailbox0Clear + 16 * core, 0xFFFF_FFFF);
            Mmio.Write(Mailbox1Clear + 16 * core, 0xFFFF_FFFF);
            Mmio.Write(MailboxControl + 4 * core, Mailbox0IrqEnable | Mailbox1FiqEnable);
        }

        public static partial void EnableTimerInterrupt() => Mmio.Write(TimerControl + 4 * Core(), VirtualTimerIrq);

        public static partial void EnableUartInterrupt() => Mmio.Write(Enable2, UartIrq);

        // Both controllers are level-triggered with no acknowledge: a source
        // stops being pending once its device is served.
        public static unsafe partial void HandleInterrupts(ExceptionFrame* interrupted)
        {
            nuint core = Core();
            uint source = Mmio.Read(IrqSource + 4 * core);
            if ((source & Mailbox0Irq) != 0)
            {
                uint signals = Mmio.Read(Mailbox0Clear + 16 * core);
                Mmio.Write(Mailbox0Clear + 16 * core, signals);
                for (int signal = 0; signal < 32; signal++)
                {
                    if ((signals & (1u << signal)) != 0)
                        Processors.OnSignal(signal, interrupted);
                }
            }
            if ((source & VirtualTimerIrq) != 0)
                TickSource.OnInterrupt();
            if ((source & GpuIrq) != 0)
            {
                if ((Mmio.Read(Pending2) & UartIrq) != 0)
                    Uart.DrainReceived();
                else
                    Interrupts.CountUnexpected();
            }
            if ((source & ~(VirtualTimerIrq | GpuIrq | Mailbox0Irq)) != 0)
                Interrupts.CountUnexpected();
        }

        public static unsafe partial void HandleFastInterrupt(ExceptionFrame* interrupted)
        {
            nuint core = Core();
            if ((Mmio.Read(FiqSource + 4 * core) & Mailbox1Pending) == 0)
                return;
            Mmio.Write(Mailbox1Clear + 16 * core, Mmio.Read(Mailbox1Clear + 16 * core));
            Processors.OnSignal((int)InterProcessorSignal.ReportState, interrupted);
        }

        public static partial int DiscoverCpus(System.Span<ulong> hardwareIds) => SpinTable.Discover(Peripherals, hardwareIds);

        public static partial bool StartCpu(ulong hardwareId, nuint entry) => SpinTable.Release(hardwareId, entry);

        public static partial void SendSignal(ulong hardwareId, int signal)
        {
            // DSB: what the receiver is told to look at (memory) is visible before the interrupt.
            ks_data_barrier();
            if (signal == (int)InterProcessorSignal.ReportState)
                Mmio.Write(Mailbox1Set + 16 * (nuint)hardwareId, 1);
            else
                Mmio.Write(Mailbox0Set + 16 * (nuint)hardwareId, 1u << signal);
        }

        private static nuint Core() => (nuint)ks_core_number();

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("*", "ks_core_number")]
        private static extern ulong ks_core_number();

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("*", "ks_data_barrier")]
        private static extern void ks_data_barrier();

        public static partial void PowerOff() => PmWatchdog.ResetToHalt(Peripherals);

        public static partial void HaltAfterPanic() => PmWatchdog.ResetToHalt(Peripherals);
    }
}
