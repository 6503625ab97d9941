// AArch64 twin of arch/Uart.cs: an ARM PL011 (PrimeCell UART, DDI 0183) at the
// board's address. 115200 baud 8N1; the baud divisor is
// clock / (16 * baud) as 16.6 fixed point (IBRD integer part, FBRD 1/64ths).
// The FIFOs stay as the firmware left them: changing FEN empties the receive
// FIFO, losing what was typed before the kernel took the UART (QEMU resets
// with FEN off: it holds one byte and keeps the rest back until it is read).
// Receive interrupts: RXIM (the FIFO reached its trigger level) and RTIM
// (bytes sat in the FIFO for 32 bit periods), both cleared by draining.
using KernelStress.Kernel.Console;

namespace KernelStress.Kernel.Arch
{
    internal static partial class Uart
    {
        private const uint Baud = 115200;
        private const nuint Data = 0x00;            // UARTDR: bits 7:0 data, bit 11 overrun
        private const nuint Flags = 0x18;           // UARTFR
        private const nuint IntegerBaud = 0x24;     // UARTIBRD
        private const nuint FractionalBaud = 0x28;  // UARTFBRD
        private const nuint LineControl = 0x2C;     // UARTLCR_H
        private const nuint Control = 0x30;         // UARTCR
        private const nuint InterruptMask = 0x38;   // UARTIMSC
        private const nuint InterruptClear = 0x44;  // UARTICR
        private const uint TransmitFull = 1u << 5;
        private const uint ReceiveEmpty = 1u << 4;
        private const uint Busy = 1u << 3;
        private const uint EightBits = 3u << 5;  // WLEN = 8 bits
        private const uint FifoEnable = 1u << 4;  // FEN
        private const uint Enable = (1u << 0) | (1u << 8) | (1u << 9);  // UARTEN, TXE, RXE
        private const uint ReceiveInterrupts = (1u << 4) | (1u << 6);  // RXIM, RTIM
        private const uint OverrunBit = 1u << 11;

        public static partial void Initialize()
        {
            nuint uart = Board.UartBase();
            // The baud rate and line format may only change with the UART
            // disabled and idle (PL011 TRM 3.3.8).
            Mmio.Write(uart + Control, 0);
            while ((Mmio.Read(uart + Flags) & Busy) != 0)
            {
            }
            Board.RouteUartPins();
            uint divisor = (uint)((4 * Board.UartClockHz() + Baud / 2) / Baud);
            Mmio.Write(uart + IntegerBaud, divisor >> 6);
            Mmio.Write(uart + FractionalBaud, divisor & 63);
            Mmio.Write(uart + LineControl, EightBits | (Mmio.Read(uart + LineControl) & FifoEnable));
            Mmio.Write(uart + InterruptMask, 0);
            Mmio.Write(uart + InterruptClear, 0x7FF);
            Mmio.Write(uart + Control, Enable);
        }

        public static partial void WriteByte(byte value)
        {
            nuint uart = Board.UartBase();
            while ((Mmio.Read(uart + Flags) & TransmitFull) != 0)
                Cpu.SpinWaitHint();
            Mmio.Write(uart + Data, value);
        }

        public static partial bool TryReadByte(out byte value)
        {
            nuint uart = Board.UartBase();
            if ((Mmio.Read(uart + Flags) & ReceiveEmpty) != 0)
            {
                value = 0;
                return false;
            }
            value = (byte)Mmio.Read(uart + Data);
            return true;
        }

        public static partial void EnableReceiveInterrupt()
        {
            Board.EnableUartInterrupt();
            Mmio.Write(Board.UartBase() + InterruptMask, ReceiveInterrupts);
            // Bytes typed before now raised no interrupt that is still pending
            // (Initialize cleared them), and with the FIFO off QEMU holds the
            // rest back until the held one is read: take them now, while
            // interrupts are still off at boot.
            DrainReceived();
        }

        // Interrupt context: moves everything the FIFO holds into UartInput;
        // an empty FIFO deasserts both receive interrupts.
        public static void DrainReceived()
        {
            nuint uart = Board.UartBase();
            while ((Mmio.Read(uart + Flags) & ReceiveEmpty) == 0)
            {
                uint word = Mmio.Read(uart + Data);
                if ((word & OverrunBit) != 0)
                    UartInput.OnHardwareOverrun();
                UartInput.OnReceived((byte)word);
            }
        }
    }
}
