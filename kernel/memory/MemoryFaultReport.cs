// The one human line for a rejected free or a damaged heap structure:
//   memory: heap free of 0x0000000000412010 rejected: double free
// The allocators count every detection themselves; this only prints it. Before
// the console exists (early boot) nothing can be freed, so nothing is lost.
// Not for interrupt context yet: it writes to the UART synchronously; when
// frees can happen in a handler this becomes a ring the shell drains.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Memory
{
    internal static class MemoryFaultReport
    {
        public static void Rejected(ReadOnlySpan<byte> allocator, nuint address, FreeStatus status)
        {
            if (!Panic.ConsoleReady)
                return;
            TextSink output = KernelConsole.Out;
            output.Write("memory: "u8);
            output.Write(allocator);
            output.Write(" free of "u8);
            Hex.Write64(output, address);
            output.Write(" rejected: "u8);
            output.WriteLine(Describe(status));
        }

        public static void Damaged(ReadOnlySpan<byte> what, nuint address)
        {
            if (!Panic.ConsoleReady)
                return;
            TextSink output = KernelConsole.Out;
            output.Write("memory: "u8);
            output.Write(what);
            output.Write(" at "u8);
            Hex.Write64(output, address);
            output.WriteLine(" is damaged (canary or list link mismatch); left alone"u8);
        }

        private static readonly NameTable s_descriptions = new NameTable("freed|double free|foreign address (not handed out by this allocator)|"u8
            + "block header overwritten (or not a block start)"u8, (int)FreeStatus.Count);

        private static ReadOnlySpan<byte> Describe(FreeStatus status) => s_descriptions[(int)status];
    }
}
