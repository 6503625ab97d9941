// A record as one short line for a person: `[result #12] test=chaos ... verdict=PASS p99_ns=17432576 reason="..."`.
// The top-level scalars as name=value in the record's order (a string with a space, or an empty
// one, in its JSON quotes) but for schema and args (the command line is on the screen already);
// nested objects and arrays are left out, except that the first of "histograms" (the primary
// latency) gives its p99_ns; the reason comes last. At most MaxLength bytes: a longer line ends
// in "...". The kernel prints it under `records brief`; `kstress boot` shows records the same way.
//
// The input is a record's JSON as RecordWriter writes it: one object, no whitespace, printable
// ASCII. Anything else gives "[record]" and what was understood up to there, never a throw.
using System;

namespace KernelStress.Shell;

public static class RecordBrief
{
    public const int MaxLength = 150;

    private static ReadOnlySpan<byte> Ellipsis => "..."u8;

    /// <summary>Writes the brief line of <paramref name="json"/> into <paramref name="line"/> (MaxLength bytes or more); returns its length.</summary>
    public static int Write(ReadOnlySpan<byte> json, Span<byte> line)
    {
        Span<byte> output = line.Slice(0, MaxLength);
        int length = 0;
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            Append(output, ref length, "[record]"u8);
            return length;
        }
        int p = 1;
        // The header first: "type" and "seq" are the first two members of every record.
        Append(output, ref length, "["u8);
        bool typed = NextMember(json, ref p, out Part name, out Part value) && AsciiText.Equals(name.Of(json), "type"u8);
        Append(output, ref length, typed ? Unquote(value.Of(json)) : "record"u8);
        if (typed && NextMember(json, ref p, out name, out value) && AsciiText.Equals(name.Of(json), "seq"u8))
        {
            Append(output, ref length, " #"u8);
            Append(output, ref length, value.Of(json));
        }
        Append(output, ref length, "]"u8);
        // The figures first, then the primary p99, then the reason (the longest, cut first).
        int members = p;
        while (NextMember(json, ref p, out name, out value))
        {
            ReadOnlySpan<byte> text = value.Of(json);
            ReadOnlySpan<byte> key = name.Of(json);
            if (text[0] != (byte)'{' && text[0] != (byte)'[' && !AsciiText.Equals(key, "reason"u8)
                && !AsciiText.Equals(key, "schema"u8) && !AsciiText.Equals(key, "args"u8))
                AppendMember(output, ref length, key, text);
        }
        p = members;
        while (NextMember(json, ref p, out name, out value))
        {
            if (AsciiText.Equals(name.Of(json), "histograms"u8) && FirstP99(value.Of(json), out Part p99))
                AppendMember(output, ref length, "p99_ns"u8, p99.Of(value.Of(json)));
        }
        p = members;
        while (NextMember(json, ref p, out name, out value))
        {
            if (AsciiText.Equals(name.Of(json), "reason"u8))
                AppendMember(output, ref length, "reason"u8, value.Of(json));
        }
        return length;
    }

    // The member at p ("name":value) and the position after it (past a comma); false at the end
    // of the object or on anything that is not a member.
    private static bool NextMember(ReadOnlySpan<byte> json, ref int p, out Part name, out Part value)
    {
        name = default;
        value = default;
        if (p >= json.Length || json[p] != (byte)'"')
            return false;
        int nameEnd = StringEnd(json, p);
        if (nameEnd < 0 || nameEnd >= json.Length || json[nameEnd] != (byte)':')
            return false;
        name = new Part(p + 1, nameEnd - 1 - (p + 1));
        int valueStart = nameEnd + 1;
        int valueEnd = ValueEnd(json, valueStart);
        if (valueEnd <= valueStart)
            return false;
        value = new Part(valueStart, valueEnd - valueStart);
        p = valueEnd < json.Length && json[valueEnd] == (byte)',' ? valueEnd + 1 : valueEnd;
        return true;
    }

    // Where p99_ns is in the first histogram of {"name":{...,"p99_ns":N,...},...}.
    private static bool FirstP99(ReadOnlySpan<byte> histograms, out Part p99)
    {
        p99 = default;
        int p = 1;
        if (!NextMember(histograms, ref p, out _, out Part first) || first.Of(histograms)[0] != (byte)'{')
            return false;
        int q = first.Start + 1;
        while (NextMember(histograms, ref q, out Part name, out Part value))
        {
            if (AsciiText.Equals(name.Of(histograms), "p99_ns"u8))
            {
                p99 = value;
                return true;
            }
        }
        return false;
    }

    // Where a member's name or value is in the JSON.
    private readonly struct Part
    {
        public readonly int Start;
        public readonly int Length;

        public Part(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> json) => json.Slice(Start, Length);
    }

    private static bool HasSpace(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)' ')
                return true;
        }
        return false;
    }

    // Where the value starting at p ends: after its closing quote or bracket, or at the next ',' or '}'.
    private static int ValueEnd(ReadOnlySpan<byte> json, int p)
    {
        if (p >= json.Length)
            return -1;
        if (json[p] == (byte)'"')
            return StringEnd(json, p);
        int depth = 0;
        for (int i = p; i < json.Length; i++)
        {
            byte c = json[i];
            if (c == (byte)'"')
            {
                i = StringEnd(json, i) - 1;
                if (i < 0)
                    return -1;
            }
            else if (c == (byte)'{' || c == (byte)'[')
            {
                depth++;
            }
            else if (c == (byte)'}' || c == (byte)']')
            {
                if (depth == 0)
                    return i;
                depth--;
                if (depth == 0)
                    return i + 1;
            }
            else if (c == (byte)',' && depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    // The position after the closing quote of the string whose opening quote is at p; -1 if none.
    private static int StringEnd(ReadOnlySpan<byte> json, int p)
    {
        for (int i = p + 1; i < json.Length; i++)
        {
            if (json[i] == (byte)'\\')
                i++;
            else if (json[i] == (byte)'"')
                return i + 1;
        }
        return -1;
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> value) =>
        value.Length >= 2 && value[0] == (byte)'"' ? value.Slice(1, value.Length - 2) : value;

    // " name=value", a string without its quotes unless it is empty or has a space.
    private static void AppendMember(Span<byte> line, ref int length, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        bool quoted = value[0] == (byte)'"' && (value.Length == 2 || HasSpace(value));
        Append(line, ref length, " "u8);
        Append(line, ref length, name);
        Append(line, ref length, "="u8);
        Append(line, ref length, quoted ? value : Unquote(value));
    }

    // Appends up to the line's end; once something does not fit, the line ends in "...".
    private static void Append(Span<byte> line, ref int length, scoped ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
            return;
        if (length + text.Length <= line.Length)
        {
            text.CopyTo(line.Slice(length));
            length += text.Length;
            return;
        }
        int keep = line.Length - Ellipsis.Length;
        if (length < keep)
            text.Slice(0, keep - length).CopyTo(line.Slice(length));
        Ellipsis.CopyTo(line.Slice(keep));
        length = line.Length;
    }
}
