// The kernel's output device: every byte the kernel says goes through here to
// the primary UART, in order. One instance (KernelConsole.Out). Each Write holds
// the console lock, so what one call writes is never interleaved with another
// CPU's output.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Shell;

namespace KernelStress.Kernel.Console
{
    internal sealed class UartSink : TextSink
    {
        public override void Write(ReadOnlySpan<byte> bytes)
        {
            KernelConsole.Lock.Enter();
            for (int i = 0; i < bytes.Length; i++)
                Uart.WriteByte(bytes[i]);
            KernelConsole.Lock.Exit();
        }
    }
}
