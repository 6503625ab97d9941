// 64-bit values in hex, as panic reports show registers and addresses: 16
// lowercase digits with a 0x prefix, in human lines and as JSON strings (JSON
// numbers lose precision past 2^53 in most readers).
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Records
{
    internal static class Hex
    {
        public const int Hex64Length = 18;

        public static ReadOnlySpan<byte> Format64(Span<byte> buffer, ulong value)
        {
            buffer[0] = (byte)'0';
            buffer[1] = (byte)'x';
            AsciiFormat.Hex32(buffer.Slice(2), (uint)(value >> 32));
            AsciiFormat.Hex32(buffer.Slice(10), (uint)value);
            return buffer.Slice(0, Hex64Length);
        }

        public static void Write64(TextSink output, ulong value)
        {
            Span<byte> buffer = stackalloc byte[Hex64Length];
            output.Write(Format64(buffer, value));
        }

        public static void WriteJson64(ref JsonWriter json, ReadOnlySpan<byte> name, ulong value)
        {
            Span<byte> buffer = stackalloc byte[Hex64Length];
            json.WriteString(name, Format64(buffer, value));
        }
    }
}
