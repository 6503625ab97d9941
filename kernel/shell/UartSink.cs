// The kernel's output device: every byte the kernel says goes through here to
// the primary UART, in order. One instance (KernelConsole.Out). Not yet safe for
// two CPUs writing at once; the scheduler adds the lock.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell
{
    internal sealed class UartSink : TextSink
    {
        public override void Write(ReadOnlySpan<byte> bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
                Uart.WriteByte(bytes[i]);
        }
    }
}
