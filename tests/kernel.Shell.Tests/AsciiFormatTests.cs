// AsciiFormat against the BCL's formatting, and TextSink's helpers built on it.
using System;
using System.Globalization;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class AsciiFormatTests
{
    private static string Decimal(ulong value)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxDecimalLength];
        return Latin1.Text(text.Slice(0, AsciiFormat.Decimal(text, value)));
    }

    private static string Decimal(long value)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxDecimalLength];
        return Latin1.Text(text.Slice(0, AsciiFormat.Decimal(text, value)));
    }

    private static string Fixed(double value, int decimals)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxFixedLength];
        return Latin1.Text(text.Slice(0, AsciiFormat.Fixed(text, value, decimals)));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(9UL)]
    [InlineData(10UL)]
    [InlineData(99UL)]
    [InlineData(100UL)]
    [InlineData(ulong.MaxValue)]
    public void Unsigned_decimal_matches_the_BCL(ulong value) =>
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Decimal(value));

    [Fact]
    public void Unsigned_decimal_matches_the_BCL_for_any_value() =>
        Gen.ULong.Sample(value => Decimal(value) == value.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Signed_decimal_matches_the_BCL_for_any_value_and_the_limits()
    {
        Assert.Equal("-9223372036854775808", Decimal(long.MinValue));
        Assert.Equal("9223372036854775807", Decimal(long.MaxValue));
        Assert.Equal("-1", Decimal(-1L));
        Gen.Long.Sample(value => Decimal(value) == value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_destination_too_small_gets_nothing()
    {
        Span<byte> text = stackalloc byte[3];
        text.Fill((byte)'#');
        Assert.Equal(0, AsciiFormat.Decimal(text, 1000UL));
        Assert.Equal(0, AsciiFormat.Decimal(text, -100L));
        Assert.Equal(0, AsciiFormat.Hex32(text, 1));
        Assert.Equal(0, AsciiFormat.Fixed(text, 1.5, 2));
        Assert.Equal("###", Latin1.Text(text));
        Assert.Equal(3, AsciiFormat.Decimal(text, 999UL));
    }

    [Fact]
    public void Hex32_is_eight_lowercase_digits_for_any_value()
    {
        Gen.UInt.Sample(value =>
        {
            Span<byte> text = stackalloc byte[8];
            return AsciiFormat.Hex32(text, value) == 8 && Latin1.Text(text) == value.ToString("x8", CultureInfo.InvariantCulture);
        });
    }

    [Theory]
    [InlineData(0.0, 0, "0")]
    [InlineData(0.0, 2, "0.00")]
    [InlineData(86.0, 3, "86.000")]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(2.5, 0, "3")]
    [InlineData(-2.5, 0, "-3")]
    [InlineData(1234.5678, 2, "1234.57")]
    [InlineData(0.999, 2, "1.00")]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(-0.0, 1, "0.0")]
    [InlineData(123456789.123456789, 9, "123456789.123456791")] // the double is 123456789.1234567910432...
    [InlineData(0.1, 9, "0.100000000")]
    [InlineData(9.9999999999, 9, "10.000000000")]
    [InlineData(9.2e18, 2, "9200000000000000000.00")]
    public void Fixed_rounds_half_away_from_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, Fixed(value, decimals));

    [Theory]
    [InlineData(double.NaN, 2)]
    [InlineData(double.PositiveInfinity, 2)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(1e19, 0)]
    [InlineData(9.3e18, 9)]
    [InlineData(1.0, -1)]
    [InlineData(1.0, 10)]
    public void Fixed_refuses_values_outside_its_domain(double value, int decimals)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxFixedLength];
        Assert.Equal(0, AsciiFormat.Fixed(text, value, decimals));
    }

    [Fact]
    public void Fixed_is_exact_for_values_exactly_representable_in_decimal()
    {
        // n / 1024 has at most 10 decimals and is an exact double; with 9 decimals the BCL's
        // AwayFromZero rounding of the exact decimal value is the reference.
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Int[0, 9]).Sample((n, decimals) =>
        {
            decimal exact = n / 1024m;
            string expected = Math.Round(exact, decimals, MidpointRounding.AwayFromZero)
                .ToString("F" + decimals, CultureInfo.InvariantCulture);
            if (expected.StartsWith("-", StringComparison.Ordinal) && expected.TrimStart('-').Trim('0', '.').Length == 0)
            {
                expected = expected.TrimStart('-');
            }
            return Fixed(n / 1024.0, decimals) == expected;
        });
    }

    [Fact]
    public void Fixed_is_within_half_a_unit_of_the_last_digit_for_any_value()
    {
        Gen.Select(Gen.Double[0, 1e9], Gen.Int[0, 9]).Sample((value, decimals) =>
        {
            string text = Fixed(value, decimals);
            int point = text.IndexOf('.');
            bool shape = decimals == 0 ? point < 0 : point == text.Length - 1 - decimals;
            double back = double.Parse(text, CultureInfo.InvariantCulture);
            return shape && Math.Abs(back - value) <= 0.5 * Math.Pow(10, -decimals) + value * 1e-15;
        });
    }

    [Fact]
    public void TextSink_helpers_write_numbers_and_CRLF_lines()
    {
        var sink = new BufferSink();
        sink.WriteDecimal(42UL);
        sink.Write(" "u8);
        sink.WriteDecimal(-42L);
        sink.Write(" "u8);
        sink.WriteHex32(0xABCu);
        sink.Write(" "u8);
        sink.WriteFixed(86.4, 1);
        sink.Write(" "u8);
        sink.WriteFixed(double.NaN, 1);
        sink.WriteLine();
        sink.WriteLine("done"u8);
        sink.WriteLine("text");
        Assert.Equal("42 -42 00000abc 86.4 n/a\r\ndone\r\ntext\r\n", sink.Text);
    }

    [Fact]
    public void TextSink_writes_long_ASCII_strings_across_its_chunks()
    {
        var sink = new BufferSink();
        string text = new string('a', 63) + "bc" + new string('d', 200);
        sink.Write(text);
        Assert.Equal(text, sink.Text);
    }
}
