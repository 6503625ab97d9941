// Known-answer checks of the shell library that the kernel's `selftest shell` runs inside the kernel
// (KTAP: plan 1..Count, then "ok N name" or "not ok N name # reason"). The same table runs in xunit
// on the host. Each check compares against constants computed independently (zlib's CRC, the BCL's
// number formatting, the documented messages), so a kernel build that compiles the library wrongly
// (or a corelib span/string primitive that misbehaves) shows up here.
// Allocation: the objects below are created once, with the class; Run allocates nothing.
// Not thread-safe: the checks share those objects; run them from one context at a time.
using System;

namespace KernelStress.Shell;

public static class ShellSelfTest
{
    private static readonly CaptureSink Output = new CaptureSink(256);
    private static readonly LineEditor Editor = new LineEditor(Output);
    private static readonly ParsedCommand Parsed = new ParsedCommand();
    private static readonly ErrorMessage CatalogError = new ErrorMessage();

    public static int Count => 12;

    /// <summary>The KTAP test name of check <paramref name="index"/> (0-based); empty when out of range.</summary>
    public static ReadOnlySpan<byte> Name(int index) => index switch
    {
        0 => "crc32_check_value"u8,
        1 => "decimal_format_limits"u8,
        2 => "decimal_parse_limits"u8,
        3 => "fixed_format_rounding"u8,
        4 => "json_escaping_and_values"u8,
        5 => "json_overflow_and_misuse_flagged"u8,
        6 => "line_editor_backspace_and_crlf"u8,
        7 => "line_editor_rejects_non_ascii"u8,
        8 => "parse_unknown_flag_message"u8,
        9 => "parse_quoted_echo_arguments"u8,
        10 => "builtin_catalog_valid"u8,
        11 => "record_frame_known_answer"u8,
        _ => default,
    };

    /// <summary>Runs check <paramref name="index"/>; on failure <paramref name="reason"/> says what differed.</summary>
    public static bool Run(int index, out ReadOnlySpan<byte> reason)
    {
        reason = index switch
        {
            0 => Crc32CheckValue(),
            1 => DecimalFormatLimits(),
            2 => DecimalParseLimits(),
            3 => FixedFormatRounding(),
            4 => JsonEscapingAndValues(),
            5 => JsonOverflowAndMisuseFlagged(),
            6 => LineEditorBackspaceAndCrlf(),
            7 => LineEditorRejectsNonAscii(),
            8 => ParseUnknownFlagMessage(),
            9 => ParseQuotedEchoArguments(),
            10 => BuiltinCatalogValid(),
            11 => RecordFrameKnownAnswer(),
            _ => "no such check"u8,
        };
        return reason.IsEmpty;
    }

    // Each check returns an empty span when it passes, else the reason it failed.

    private static ReadOnlySpan<byte> Crc32CheckValue()
    {
        if (Crc32.Compute("123456789"u8) != 0xCBF43926)
        {
            return "crc32(\"123456789\") is not 0xcbf43926"u8;
        }
        return Crc32.Compute(default) == 0 ? default : "crc32 of no bytes is not 0"u8;
    }

    private static ReadOnlySpan<byte> DecimalFormatLimits()
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxDecimalLength];
        if (!AsciiText.Equals(text.Slice(0, AsciiFormat.Decimal(text, ulong.MaxValue)), "18446744073709551615"u8))
        {
            return "ulong.MaxValue is not formatted as 18446744073709551615"u8;
        }
        if (!AsciiText.Equals(text.Slice(0, AsciiFormat.Decimal(text, long.MinValue)), "-9223372036854775808"u8))
        {
            return "long.MinValue is not formatted as -9223372036854775808"u8;
        }
        if (AsciiFormat.Hex32(text, 0x0badCafe) != 8 || !AsciiText.Equals(text.Slice(0, 8), "0badcafe"u8))
        {
            return "0x0badcafe is not formatted as 0badcafe"u8;
        }
        return AsciiFormat.Decimal(text.Slice(0, 2), 100UL) == 0 ? default : "100 was formatted into 2 bytes"u8;
    }

    private static ReadOnlySpan<byte> DecimalParseLimits()
    {
        if (AsciiParse.Decimal("18446744073709551615"u8, out ulong max) != DecimalParseResult.Ok || max != ulong.MaxValue)
        {
            return "18446744073709551615 does not parse as ulong.MaxValue"u8;
        }
        if (AsciiParse.Decimal("18446744073709551616"u8, out _) != DecimalParseResult.Overflow)
        {
            return "18446744073709551616 does not report overflow"u8;
        }
        if (AsciiParse.Decimal("12a"u8, out _) != DecimalParseResult.NotDigits)
        {
            return "12a does not report not-digits"u8;
        }
        return AsciiParse.Decimal(default, out _) == DecimalParseResult.Empty ? default : "empty text does not report empty"u8;
    }

    private static ReadOnlySpan<byte> FixedFormatRounding()
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxFixedLength];
        if (!AsciiText.Equals(text.Slice(0, AsciiFormat.Fixed(text, 0.125, 2)), "0.13"u8))
        {
            return "0.125 with 2 decimals is not 0.13"u8;
        }
        if (!AsciiText.Equals(text.Slice(0, AsciiFormat.Fixed(text, 86.0, 3)), "86.000"u8))
        {
            return "86 with 3 decimals is not 86.000"u8;
        }
        if (!AsciiText.Equals(text.Slice(0, AsciiFormat.Fixed(text, -2.5, 0)), "-3"u8))
        {
            return "-2.5 with 0 decimals is not -3"u8;
        }
        return AsciiFormat.Fixed(text, double.NaN, 2) == 0 ? default : "NaN was formatted"u8;
    }

    private static ReadOnlySpan<byte> JsonEscapingAndValues()
    {
        Span<byte> buffer = stackalloc byte[128];
        JsonWriter json = new JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("s"u8, "a\"b\\\n\u0001"u8);
        json.WriteStartArray("n"u8);
        json.WriteNumberValue(-1L);
        json.WriteNumberValue(ulong.MaxValue);
        json.WriteFixedValue(2.5, 2);
        json.WriteFixedValue(double.PositiveInfinity, 2);
        json.WriteBooleanValue(true);
        json.WriteEndArray();
        json.WriteEndObject();
        if (!json.IsComplete)
        {
            return "a well-formed object is not reported complete"u8;
        }
        return AsciiText.Equals(json.Written, """{"s":"a\"b\\\n\u0001","n":[-1,18446744073709551615,2.50,null,true]}"""u8)
            ? default
            : "the JSON text differs from the expected escaping and values"u8;
    }

    private static ReadOnlySpan<byte> JsonOverflowAndMisuseFlagged()
    {
        Span<byte> buffer = stackalloc byte[8];
        JsonWriter small = new JsonWriter(buffer);
        small.WriteStartObject();
        small.WriteString("key"u8, "value"u8);
        if (!small.Overflowed || small.IsComplete)
        {
            return "writing past the buffer is not flagged as overflow"u8;
        }
        JsonWriter misused = new JsonWriter(buffer);
        misused.WriteStartObject();
        misused.WriteNumberValue(1UL);
        return misused.Misused && !misused.IsComplete ? default : "a value without a property name is not flagged"u8;
    }

    private static ReadOnlySpan<byte> LineEditorBackspaceAndCrlf()
    {
        LineStatus status = FeedAll("ab\u007fc\r"u8);
        if (status != LineStatus.Ready || !AsciiText.Equals(Editor.Line, "ac"u8))
        {
            return "\"ab<DEL>c<CR>\" is not the line \"ac\""u8;
        }
        if (!AsciiText.Equals(Output.Written, "ab\b \bc\r\n"u8))
        {
            return "the echo is not \"ab\\b \\bc\\r\\n\""u8;
        }
        return Editor.Feed((byte)'\n') == LineStatus.Pending ? default : "the LF of a CRLF pair ended a second line"u8;
    }

    private static ReadOnlySpan<byte> LineEditorRejectsNonAscii()
    {
        LineStatus status = FeedAll("echo \u00e9\n"u8); // a u8 literal encodes U+00E9 as UTF-8: C3 A9
        if (status != LineStatus.Rejected)
        {
            return "a line with UTF-8 bytes was not rejected"u8;
        }
        return AsciiText.Equals(Editor.Error,
                "error: byte 0xc3 at column 6 is not printable ASCII; the shell accepts ASCII 0x20-0x7e only"u8)
            ? default
            : "the rejection message differs"u8;
    }

    private static ReadOnlySpan<byte> ParseUnknownFlagMessage()
    {
        if (CommandParser.Parse(ShellCommands.Catalog, "echo hi --bogus"u8, Parsed) != ParseStatus.Error)
        {
            return "'echo hi --bogus' parsed without error"u8;
        }
        return AsciiText.Equals(Parsed.Error, "error: unknown flag '--bogus' for 'echo'; accepted: (none)"u8)
            ? default
            : "the unknown-flag message differs"u8;
    }

    private static ReadOnlySpan<byte> ParseQuotedEchoArguments()
    {
        if (CommandParser.Parse(ShellCommands.Catalog, "  echo  a \"b  c\" "u8, Parsed) != ParseStatus.Command
            || Parsed.CommandId != (int)ShellCommandId.Echo)
        {
            return "the echo line did not parse as echo"u8;
        }
        bool words = Parsed.ArgumentCount == 2
            && AsciiText.Equals(Parsed.Argument(0), "a"u8)
            && AsciiText.Equals(Parsed.Argument(1), "b  c"u8);
        return words ? default : "the arguments are not 'a' and 'b  c'"u8;
    }

    private static ReadOnlySpan<byte> BuiltinCatalogValid() =>
        ShellCommands.Catalog.Validate(CatalogError) ? default : "ShellCommands.Catalog fails Validate"u8;

    private static ReadOnlySpan<byte> RecordFrameKnownAnswer()
    {
        ReadOnlySpan<byte> json = """{"type":"selftest","seq":1}"""u8;
        Span<byte> frame = stackalloc byte[64];
        json.CopyTo(frame.Slice(30));
        ReadOnlySpan<byte> line = RecordWriter.Frame(frame, 30, json.Length);
        return AsciiText.Equals(line, "@@KS1 27 d7120964 {\"type\":\"selftest\",\"seq\":1}\r\n"u8)
            ? default
            : "the frame differs from @@KS1 27 d7120964"u8;
    }

    /// <summary>Starts from an empty line (Ctrl-U) and an empty capture, then feeds every byte.</summary>
    private static LineStatus FeedAll(ReadOnlySpan<byte> input)
    {
        Editor.Feed(0x15);
        Output.Clear();
        LineStatus status = LineStatus.Pending;
        for (int i = 0; i < input.Length; i++)
        {
            status = Editor.Feed(input[i]);
        }
        return status;
    }
}
