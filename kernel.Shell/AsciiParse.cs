// Number parsing from ASCII byte spans, without the BCL. Decimal digits only: no sign, no spaces,
// no "0x"; leading zeros are fine. Overflow is detected, never wrapped.
using System;

namespace KernelStress.Shell;

public static class AsciiParse
{
    public static DecimalParseResult Decimal(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return DecimalParseResult.Empty;
        }
        bool overflow = false;
        ulong accumulated = 0;
        for (int i = 0; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return DecimalParseResult.NotDigits;
            }
            // accumulated * 10 + digit > ulong.MaxValue, rearranged so nothing overflows.
            if (accumulated > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            accumulated = accumulated * 10 + digit;
        }
        if (overflow)
        {
            return DecimalParseResult.Overflow;
        }
        value = accumulated;
        return DecimalParseResult.Ok;
    }
}
