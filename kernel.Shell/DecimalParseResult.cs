// Outcome of AsciiParse.Decimal: the parser reports why a token is not a number instead of throwing.
namespace KernelStress.Shell;

public enum DecimalParseResult
{
    Ok,
    /// <summary>The text was empty.</summary>
    Empty,
    /// <summary>A byte other than '0'..'9' (signs, spaces and "0x" included).</summary>
    NotDigits,
    /// <summary>All digits, but the value is above 18446744073709551615.</summary>
    Overflow,
}
