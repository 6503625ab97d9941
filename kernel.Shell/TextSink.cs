// Where the shell's output goes: the kernel's UART, an ErrorMessage being composed, the self-test's
// CaptureSink, or a host test's buffer. Only Write is virtual (a plain vtable call: an abstract class,
// not an interface, so ilc needs no interface dispatch); every helper below formats into a stack
// buffer and calls it, so a subclass sees nothing but byte spans. Lines end in "\r\n" because the
// UART feeds raw terminals.
using System;

namespace KernelStress.Shell;

public abstract class TextSink
{
    public abstract void Write(ReadOnlySpan<byte> bytes);

    public void WriteLine() => Write("\r\n"u8);

    public void WriteLine(ReadOnlySpan<byte> bytes)
    {
        Write(bytes);
        WriteLine();
    }

    /// <summary>Writes an ASCII string (the catalog's names and summaries); each char becomes one byte.</summary>
    public void Write(string ascii)
    {
        Span<byte> chunk = stackalloc byte[64];
        int used = 0;
        for (int i = 0; i < ascii.Length; i++)
        {
            if (used == chunk.Length)
            {
                Write(chunk);
                used = 0;
            }
            chunk[used++] = (byte)ascii[i];
        }
        Write(chunk.Slice(0, used));
    }

    public void WriteLine(string ascii)
    {
        Write(ascii);
        WriteLine();
    }

    public void WriteDecimal(ulong value)
    {
        Span<byte> digits = stackalloc byte[AsciiFormat.MaxDecimalLength];
        Write(digits.Slice(0, AsciiFormat.Decimal(digits, value)));
    }

    public void WriteDecimal(long value)
    {
        Span<byte> digits = stackalloc byte[AsciiFormat.MaxDecimalLength];
        Write(digits.Slice(0, AsciiFormat.Decimal(digits, value)));
    }

    /// <summary>Writes exactly 8 lowercase hex digits, no prefix.</summary>
    public void WriteHex32(uint value)
    {
        Span<byte> digits = stackalloc byte[AsciiFormat.Hex32Length];
        AsciiFormat.Hex32(digits, value);
        Write(digits);
    }

    /// <summary>
    /// Writes <paramref name="value"/> with exactly <paramref name="decimals"/> digits after the point
    /// (see <see cref="AsciiFormat.Fixed"/>); a value that format cannot represent is written as "n/a".
    /// </summary>
    public void WriteFixed(double value, int decimals)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxFixedLength];
        int length = AsciiFormat.Fixed(text, value, decimals);
        Write(length == 0 ? "n/a"u8 : text.Slice(0, length));
    }
}
