// The arch-neutral kernel: entered once from the arch entry with statics ready.
using System;
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel
{
    internal static class Kernel
    {
        public static void Run(in BootInfo boot)
        {
            Write("KernelStress booting\r\n"u8);
            ulong hz = Cpu.MeasureCycleCounterHz();
            Write("ks> "u8);
            while (true)
            {
                if (Uart.TryReadByte(out byte b))
                {
                    if (b == (byte)'q')
                        Cpu.PowerOff();
                    Uart.WriteByte(b);
                }
            }
        }

        private static void Write(ReadOnlySpan<byte> text)
        {
            for (int i = 0; i < text.Length; i++)
                Uart.WriteByte(text[i]);
        }
    }
}
