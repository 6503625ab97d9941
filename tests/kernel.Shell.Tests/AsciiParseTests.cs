// AsciiParse.Decimal: digits only, overflow detected, checked against BigInteger.
using System;
using System.Globalization;
using System.Numerics;
using CsCheck;
using Xunit;

namespace KernelStress.Shell.Tests;

public class AsciiParseTests
{
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("007", 7UL)]
    [InlineData("4096", 4096UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("000000000000000000000018446744073709551615", ulong.MaxValue)]
    public void Parses_digits(string text, ulong expected)
    {
        Assert.Equal(DecimalParseResult.Ok, AsciiParse.Decimal(Latin1.Bytes(text), out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", DecimalParseResult.Empty)]
    [InlineData("18446744073709551616", DecimalParseResult.Overflow)]
    [InlineData("99999999999999999999999", DecimalParseResult.Overflow)]
    [InlineData("-1", DecimalParseResult.NotDigits)]
    [InlineData("+1", DecimalParseResult.NotDigits)]
    [InlineData(" 1", DecimalParseResult.NotDigits)]
    [InlineData("1 ", DecimalParseResult.NotDigits)]
    [InlineData("0x10", DecimalParseResult.NotDigits)]
    [InlineData("1.5", DecimalParseResult.NotDigits)]
    [InlineData("99999999999999999999999x", DecimalParseResult.NotDigits)]
    public void Reports_why_text_is_not_a_number(string text, DecimalParseResult expected)
    {
        Assert.Equal(expected, AsciiParse.Decimal(Latin1.Bytes(text), out ulong value));
        Assert.Equal(0UL, value);
    }

    [Fact]
    public void Round_trips_every_ulong() =>
        Gen.ULong.Sample(value =>
            AsciiParse.Decimal(Latin1.Bytes(value.ToString(CultureInfo.InvariantCulture)), out ulong parsed) == DecimalParseResult.Ok
            && parsed == value);

    [Fact]
    public void Agrees_with_BigInteger_on_digit_strings_of_any_length() =>
        Gen.Char['0', '9'].Array[1, 30].Sample(digits =>
        {
            string text = new string(digits);
            BigInteger exact = BigInteger.Parse(text, CultureInfo.InvariantCulture);
            DecimalParseResult result = AsciiParse.Decimal(Latin1.Bytes(text), out ulong value);
            return exact > ulong.MaxValue
                ? result == DecimalParseResult.Overflow
                : result == DecimalParseResult.Ok && value == (ulong)exact;
        });
}
