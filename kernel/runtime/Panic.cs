// The last resort: something the kernel cannot continue from (a runtime check
// ilc compiled in failed, or an invariant broke). Prints one human line naming
// the subsystem and the broken rule and, once the console is up, a `panic`
// record with the same; then stops the machine with the failure exit code.
// Before the console is ready (early boot) it writes straight to the UART.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Shell;

namespace KernelStress.Kernel
{
    internal static class Panic
    {
        // About 0.1-1 s of pause instructions: far longer than any record takes.
        private const ulong ConsoleWaitSpins = 10_000_000;

        private static bool s_consoleReady;
        private static bool s_panicking;

        // True once KernelConsole's sink and record writer exist (set by Kernel.Run).
        public static bool ConsoleReady => s_consoleReady;

        public static void MarkConsoleReady() => s_consoleReady = true;

        public static void Halt(ReadOnlySpan<byte> subsystem, ReadOnlySpan<byte> message)
        {
            Cpu.DisableInterrupts();
            WriteRaw("\r\nPANIC ["u8);
            WriteRaw(subsystem);
            WriteRaw("]: "u8);
            WriteRaw(message);
            WriteRaw("\r\n"u8);
            // A panic while emitting the record (e.g. a bounds check in the JSON
            // writer) must not recurse: the human line above is already out.
            // Another CPU may hold the console and never let go: wait a bounded time.
            if (s_consoleReady && !s_panicking && KernelConsole.Lock.TryEnterWithin(ConsoleWaitSpins))
            {
                s_panicking = true;
                JsonWriter json = KernelConsole.BeginRecord("panic"u8);
                json.WriteString("arch"u8, Cpu.ArchName());
                json.WriteString("subsystem"u8, subsystem);
                json.WriteString("reason"u8, message);
                KernelConsole.EndRecord(ref json);
            }
            Cpu.HaltAfterPanic();
        }

        private static void WriteRaw(ReadOnlySpan<byte> text)
        {
            for (int i = 0; i < text.Length; i++)
                Uart.WriteByte(text[i]);
        }
    }
}
