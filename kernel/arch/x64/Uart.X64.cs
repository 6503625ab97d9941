// x86-64 twin of arch/Uart.cs: a 16550 UART on COM1 (I/O port 0x3F8), the port
// QEMU's -serial connects first. 115200 baud, 8N1, FIFOs off (see Initialize). The receive
// interrupt is ISA IRQ 4, which the IO APIC delivers as ReceiveVector.
using KernelStress.Kernel.Console;

namespace KernelStress.Kernel.Arch
{
    internal static partial class Uart
    {
        private const ushort Com1 = 0x3F8;
        private const ushort Data = Com1 + 0;           // RBR / THR (DLL while DLAB = 1)
        private const ushort InterruptEnable = Com1 + 1; // IER (DLM while DLAB = 1)
        private const ushort FifoControl = Com1 + 2;
        private const ushort LineControl = Com1 + 3;
        private const ushort ModemControl = Com1 + 4;
        private const ushort LineStatus = Com1 + 5;
        private const byte DataReady = 0x01;
        private const byte OverrunError = 0x02;
        private const byte ReceivedDataInterrupt = 0x01;
        // OUT2 gates the UART's interrupt line onto the ISA bus on PC hardware.
        private const byte DtrRtsOut2 = 0x0B;
        private const uint Com1Irq = 4;

        public const byte ReceiveVector = 0x24;
        private const byte TransmitHoldingEmpty = 0x20;

        public static partial void Initialize()
        {
            PortIo.Out8(InterruptEnable, 0x00);
            PortIo.Out8(LineControl, 0x80);  // DLAB on: the next two registers are the divisor
            PortIo.Out8(Data, 0x01);         // divisor 1 = 115200 baud
            PortIo.Out8(InterruptEnable, 0x00);
            PortIo.Out8(LineControl, 0x03);  // DLAB off, 8 data bits, no parity, 1 stop bit
            // FIFOs stay off: switching them on resets the receiver, and what a person typed
            // while the kernel booted (the byte the receiver holds, the rest held back by
            // QEMU until it is read) would lose its first character. One byte per interrupt.
            PortIo.Out8(FifoControl, 0x00);
            PortIo.Out8(ModemControl, 0x03); // DTR | RTS
        }

        public static partial void WriteByte(byte value)
        {
            while ((PortIo.In8(LineStatus) & TransmitHoldingEmpty) == 0)
                Cpu.SpinWaitHint();
            PortIo.Out8(Data, value);
        }

        public static partial void EnableReceiveInterrupt()
        {
            IoApic.Route(Com1Irq, ReceiveVector, LocalApic.BootCpuId);
            PortIo.Out8(ModemControl, DtrRtsOut2);
            PortIo.Out8(InterruptEnable, ReceivedDataInterrupt);
        }

        // Interrupt context: moves everything the FIFO holds into UartInput.
        public static void DrainReceived()
        {
            byte status;
            while (((status = PortIo.In8(LineStatus)) & DataReady) != 0)
            {
                if ((status & OverrunError) != 0)
                    UartInput.OnHardwareOverrun();
                UartInput.OnReceived(PortIo.In8(Data));
            }
        }

        public static partial bool TryReadByte(out byte value)
        {
            if ((PortIo.In8(LineStatus) & DataReady) == 0)
            {
                value = 0;
                return false;
            }
            value = PortIo.In8(Data);
            return true;
        }
    }
}
