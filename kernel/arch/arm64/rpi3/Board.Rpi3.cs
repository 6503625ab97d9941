// The Raspberry Pi 3 (BCM2837; QEMU -M raspi3b): peripherals at 0x3F000000,
// the PL011 (UART0) at 0x3F201000 with the 48 MHz clock config.txt asks for
// (init_uart_clock), RAM from the firmware's mailbox. Interrupts come through
// two controllers: the BCM2836 "local" controller at 0x40000000 (per core:
// its generic timers and a summary bit for everything from the GPU side) and
// the BCM2835 controller at 0x3F00B200 behind that bit (the UART is its IRQ 57,
// bit 25 of the second bank). No PSCI: power-off is the watchdog (Watchdog).
namespace KernelStress.Kernel.Arch
{
    internal static partial class Board
    {
        private const nuint Peripherals = 0x3F00_0000;
        private const ulong RamLimit = 0x3F00_0000;
        private const nuint Pl011 = Peripherals + 0x20_1000;
        private const nuint Local = 0x4000_0000;
        private const nuint GpuInterruptRouting = Local + 0x0C;     // GPU IRQs to core 0 when 0
        private const nuint Core0TimerControl = Local + 0x40;       // which core-0 timers raise IRQ
        private const nuint Core0IrqSource = Local + 0x60;          // what is pending on core 0
        private const uint VirtualTimerIrq = 1u << 3;               // nCNTVIRQ, in both registers
        private const uint GpuIrq = 1u << 8;                        // in Core0IrqSource
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
            Mmio.Write(Core0TimerControl, 0);
            Mmio.Write(GpuInterruptRouting, 0);
        }

        public static partial void EnableTimerInterrupt() => Mmio.Write(Core0TimerControl, VirtualTimerIrq);

        public static partial void EnableUartInterrupt() => Mmio.Write(Enable2, UartIrq);

        // Both controllers are level-triggered with no acknowledge: a source
        // stops being pending once its device is served.
        public static partial void HandleInterrupts()
        {
            uint source = Mmio.Read(Core0IrqSource);
            if ((source & VirtualTimerIrq) != 0)
                TickSource.OnInterrupt();
            if ((source & GpuIrq) != 0)
            {
                if ((Mmio.Read(Pending2) & UartIrq) != 0)
                    Uart.DrainReceived();
                else
                    Interrupts.CountUnexpected();
            }
            if ((source & ~(VirtualTimerIrq | GpuIrq)) != 0)
                Interrupts.CountUnexpected();
        }

        public static partial void PowerOff() => Watchdog.ResetToHalt(Peripherals);

        public static partial void HaltAfterPanic() => Watchdog.ResetToHalt(Peripherals);
    }
}
