// The last resort: something the kernel cannot continue from (a runtime check
// ilc compiled in failed, or an invariant broke). Prints one human line naming
// the subsystem and the broken rule, then stops the machine with the failure
// exit code. Writes straight to the UART so it works at any point of boot.
using System;
using KernelStress.Kernel.Arch;

namespace KernelStress.Kernel
{
    internal static class Panic
    {
        public static void Halt(ReadOnlySpan<byte> subsystem, ReadOnlySpan<byte> message)
        {
            Cpu.DisableInterrupts();
            Write("\r\nPANIC ["u8);
            Write(subsystem);
            Write("]: "u8);
            Write(message);
            Write("\r\n"u8);
            Cpu.HaltAfterPanic();
        }

        private static void Write(ReadOnlySpan<byte> text)
        {
            for (int i = 0; i < text.Length; i++)
                Uart.WriteByte(text[i]);
        }
    }
}
