// The parts of a CPU-exception report that are the same on every arch: the
// stack words at the faulting stack pointer and the code bytes at the faulting
// pc, as human lines and as the record's "stack" and "code" fields, and the
// "name=0x... name=0x..." register pairs. The arch's FaultReport decides
// whether the memory may be read (mapped, not a guard page) and says so.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Scheduling;
using KernelStress.Shell;

namespace KernelStress.Kernel.Records
{
    internal static unsafe class FaultDump
    {
        public const int StackWords = 8;
        public const int CodeBytes = 16;

        // A fault or panic record's first fields, the same on every arch: the arch
        // adds its registers, then the stack and code fields, and ends it.
        public static JsonWriter BeginRecord(ReadOnlySpan<byte> type, ReadOnlySpan<byte> arch, ReadOnlySpan<byte> reason, ulong vector, bool stackOverflow)
        {
            JsonWriter json = KernelConsole.BeginRecord(type);
            json.WriteString("arch"u8, arch);
            json.WriteString("subsystem"u8, "cpu"u8);
            json.WriteNumber("thread_id"u8, (long)Scheduler.CurrentId);
            json.WriteString("reason"u8, reason);
            json.WriteNumber("vector"u8, vector);
            json.WriteBoolean("stack_overflow"u8, stackOverflow);
            return json;
        }

        // "  stack: 0x... 0x..." (nothing when the stack cannot be read).
        public static void WriteStackLine(TextSink output, ulong stackPointer, bool readable)
        {
            if (!readable)
                return;
            output.Write("  stack:"u8);
            for (int i = 0; i < StackWords; i++)
            {
                output.Write(" "u8);
                Hex.Write64(output, ((ulong*)stackPointer)[i]);
            }
            output.WriteLine();
        }

        // "  code at rip: 0f 0b ..." (nothing when the code cannot be read).
        public static void WriteCodeLine(TextSink output, ReadOnlySpan<byte> pcName, ulong pc, bool readable)
        {
            if (!readable)
                return;
            output.Write("  code at "u8);
            output.Write(pcName);
            output.Write(":"u8);
            Span<byte> hex = stackalloc byte[3];
            hex[0] = (byte)' ';
            for (int i = 0; i < CodeBytes; i++)
            {
                AsciiFormat.Hex8(hex.Slice(1), ((byte*)pc)[i]);
                output.Write(hex);
            }
            output.WriteLine();
        }

        // "stack": [hex words] (empty when unreadable) and "code": "hex bytes" ("" when unreadable).
        public static void WriteMemoryJson(ref JsonWriter json, ulong stackPointer, bool stackReadable, ulong pc, bool codeReadable)
        {
            json.WriteStartArray("stack"u8);
            if (stackReadable)
            {
                Span<byte> word = stackalloc byte[Hex.Hex64Length];
                for (int i = 0; i < StackWords; i++)
                    json.WriteStringValue(Hex.Format64(word, ((ulong*)stackPointer)[i]));
            }
            json.WriteEndArray();
            Span<byte> code = stackalloc byte[CodeBytes * 2];
            int codeLength = 0;
            if (codeReadable)
            {
                for (int i = 0; i < CodeBytes; i++, codeLength += 2)
                    AsciiFormat.Hex8(code.Slice(codeLength), ((byte*)pc)[i]);
            }
            json.WriteString("code"u8, code.Slice(0, codeLength));
        }

        public static void Pair(TextSink output, ReadOnlySpan<byte> firstLabel, ulong first, ReadOnlySpan<byte> secondLabel, ulong second)
        {
            output.Write(firstLabel);
            Hex.Write64(output, first);
            output.Write(secondLabel);
            Hex.Write64(output, second);
        }
    }
}
