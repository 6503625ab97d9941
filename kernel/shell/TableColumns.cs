// Fixed-width columns for the shell's tables (ps, cpus): text padded on the
// right, numbers aligned on the right.
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell
{
    internal static class TableColumns
    {
        // `text` then spaces up to `width`.
        public static void Padded(TextSink output, ReadOnlySpan<byte> text, int width)
        {
            output.Write(text);
            for (int i = text.Length; i < width; i++)
                output.Write(" "u8);
        }

        // A right-aligned decimal in `width` characters.
        public static void Number(TextSink output, ulong value, int width)
        {
            int digits = 1;
            for (ulong rest = value / 10; rest != 0; rest /= 10)
                digits++;
            for (int i = digits; i < width; i++)
                output.Write(" "u8);
            output.WriteDecimal(value);
        }
    }
}
