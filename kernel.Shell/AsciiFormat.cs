// Number formatting into caller byte spans, without the BCL (the kernel corelib has none).
// Every method returns the count of bytes written, and 0 when the destination is too small or the
// value is outside the method's domain: a formatted number always has at least one byte, so 0 is
// never a valid result. Nothing is written partially on failure.
using System;

namespace KernelStress.Shell;

public static class AsciiFormat
{
    /// <summary>Longest decimal integer: "18446744073709551615" and "-9223372036854775808" are 20 bytes.</summary>
    public const int MaxDecimalLength = 20;

    public const int Hex32Length = 8;

    /// <summary>Most digits <see cref="Fixed"/> writes after the decimal point.</summary>
    public const int MaxFixedDecimals = 9;

    /// <summary>Longest <see cref="Fixed"/> output: sign, 19 integer digits, point, 9 decimals.</summary>
    public const int MaxFixedLength = 1 + 19 + 1 + MaxFixedDecimals;

    // 2^63 as a double: the first magnitude whose integer part does not convert to long.
    // Fixed converts through long, not ulong: double -> ulong may need a runtime helper on x64.
    private const double FirstUnrepresentable = 9223372036854775808.0;

    public static int Decimal(Span<byte> destination, ulong value)
    {
        int length = DecimalLength(value);
        if (length > destination.Length)
        {
            return 0;
        }
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        return length;
    }

    public static int Decimal(Span<byte> destination, long value)
    {
        if (value >= 0)
        {
            return Decimal(destination, (ulong)value);
        }
        // Negate in unsigned arithmetic so long.MinValue does not overflow.
        ulong magnitude = (ulong)(-(value + 1)) + 1;
        if (destination.Length < 1 + DecimalLength(magnitude))
        {
            return 0;
        }
        destination[0] = (byte)'-';
        return 1 + Decimal(destination.Slice(1), magnitude);
    }

    /// <summary>Exactly 2 lowercase hex digits, no "0x"; 0 when they do not fit.</summary>
    public static int Hex8(Span<byte> destination, byte value)
    {
        if (destination.Length < 2)
        {
            return 0;
        }
        destination[0] = HexDigit(value >> 4);
        destination[1] = HexDigit(value & 0xF);
        return 2;
    }

    /// <summary>Exactly 8 lowercase hex digits, leading zeros kept, no "0x".</summary>
    public static int Hex32(Span<byte> destination, uint value)
    {
        if (destination.Length < Hex32Length)
        {
            return 0;
        }
        for (int i = Hex32Length - 1; i >= 0; i--)
        {
            destination[i] = HexDigit((int)(value & 0xF));
            value >>= 4;
        }
        return Hex32Length;
    }

    /// <summary>
    /// Writes <paramref name="value"/> rounded half away from zero to exactly <paramref name="decimals"/>
    /// digits after the point ("12.50"; no point when decimals is 0). Domain: decimals 0..9 and a finite
    /// value with |value| below 2^63; anything else (NaN, infinities, huge values) returns 0. A value that
    /// rounds to zero is written without a minus sign. The integer part is exact; the fraction is
    /// rounded from the double's exact fraction (exact up to one unit in the last place of fraction * 10^decimals).
    /// </summary>
    public static int Fixed(Span<byte> destination, double value, int decimals)
    {
        if (decimals < 0 || decimals > MaxFixedDecimals)
        {
            return 0;
        }
        double magnitude = value < 0 ? -value : value;
        if (!(magnitude < FirstUnrepresentable)) // also rejects NaN
        {
            return 0;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        long integerPart = (long)magnitude;
        double fraction = magnitude - integerPart; // exact: it drops only high bits of magnitude
        long fractionUnits = (long)(fraction * scale + 0.5);
        if (fractionUnits == scale)
        {
            // Rounding carried into the integer part. No overflow: a double >= 2^52 has no fraction.
            integerPart++;
            fractionUnits = 0;
        }
        int sign = value < 0 && (integerPart != 0 || fractionUnits != 0) ? 1 : 0;
        int integerDigits = DecimalLength((ulong)integerPart);
        int length = sign + integerDigits + (decimals == 0 ? 0 : 1 + decimals);
        if (length > destination.Length)
        {
            return 0;
        }
        if (sign == 1)
        {
            destination[0] = (byte)'-';
        }
        Decimal(destination.Slice(sign), (ulong)integerPart);
        if (decimals > 0)
        {
            destination[sign + integerDigits] = (byte)'.';
            for (int i = length - 1; i > sign + integerDigits; i--)
            {
                destination[i] = (byte)('0' + (int)(fractionUnits % 10));
                fractionUnits /= 10;
            }
        }
        return length;
    }

    internal static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static int DecimalLength(ulong value)
    {
        int length = 1;
        while (value >= 10)
        {
            value /= 10;
            length++;
        }
        return length;
    }
}
