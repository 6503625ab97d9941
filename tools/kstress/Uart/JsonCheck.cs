using System;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Text.Unicode;

namespace KernelStress.Tool.Uart;

/// <summary>
/// Checks that a record's payload is one well-formed JSON object (RFC 8259: UTF-8, strings with
/// valid escapes and no raw control characters, the number grammar, nesting up to 64 like
/// System.Text.Json's reader) and finds its top-level "type" string and integer "seq" in the same
/// pass. It does what one <see cref="Utf8JsonReader"/> pass did here, at twice the
/// speed, because it only validates: it is a third of the parser's time (bench/). Property tests
/// hold it to Utf8JsonReader's verdict (tests/tools.Tests/JsonCheckTests.cs). Strings and digit
/// runs are crossed sixteen bytes at a time; the other helpers are small loops the JIT inlines
/// and keeps free of bounds checks (<c>(uint)p &lt; (uint)json.Length</c>).
/// </summary>
public static class JsonCheck
{
    public const int MaxDepth = 64;

    /// <summary>What a check found: Error is null when the JSON is well formed.</summary>
    public readonly record struct Outcome(string? Error, string? Type, long? Seq, bool IsObject);

    public static Outcome Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return new Outcome("invalid UTF-8", null, null, false);
        }
        int p = SkipSpace(json, 0);
        bool isObject = (uint)p < (uint)json.Length && json[p] == (byte)'{';
        var fields = new TopLevelFields();
        ulong objects = 0;  // bit d set: the container at depth d+1 is an object
        int depth = 0;
        bool inObject = false;  // the innermost open container is an object
        int start;

    // A pushdown automaton written with gotos, the shape hand-written validators take: each state
    // is a short run of compares, and a token costs a few branches instead of a trip around one
    // general loop. Failures leave through Fail, so the message building stays out of the hot code
    // and p, depth and the container bits stay in registers.
    Value:
        p = SkipSpace(json, p);
        if ((uint)p >= (uint)json.Length)
        {
            return Fail(Problem.EndsEarly, p, isObject);
        }
        start = p;
        switch (json[p])
        {
            case (byte)'"':
                p = StringEnd(json, p);
                break;
            case (byte)'{':
            case (byte)'[':
                if (depth == MaxDepth)
                {
                    return Fail(Problem.TooDeep, p, isObject);
                }
                inObject = json[p] == (byte)'{';
                objects = inObject ? objects | (1UL << depth) : objects & ~(1UL << depth);
                depth++;
                p = SkipSpace(json, p + 1);
                if ((uint)p < (uint)json.Length && json[p] == (inObject ? (byte)'}' : (byte)']'))
                {
                    p++;
                    goto Close;
                }
                if (inObject)
                {
                    goto Key;
                }
                goto Value;
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                p = NumberEnd(json, p);
                break;
            default:
                p = LiteralEnd(json, p);
                break;
        }
        if (p < 0)
        {
            return Fail(Problem.NotAValue, start, isObject);
        }
        goto AfterValue;

    Close:
        depth--;
        inObject = depth > 0 && (objects & (1UL << (depth - 1))) != 0;

    // After a value: a comma (the next member or element), a closing bracket, or the end.
    AfterValue:
        if (depth == 0)
        {
            p = SkipSpace(json, p);
            return p == json.Length ? new Outcome(null, fields.Type, fields.Seq, isObject) : Fail(Problem.TextAfter, p, isObject);
        }
        if ((uint)p >= (uint)json.Length)
        {
            return Fail(Problem.EndsEarly, p, isObject);
        }
        switch (json[p])
        {
            case (byte)',':
                p++;
                if (inObject)
                {
                    goto Key;
                }
                goto Value;
            case (byte)'}' when inObject:
            case (byte)']' when !inObject:
                p++;
                goto Close;
            case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                p = SkipSpace(json, p);
                goto AfterValue;
            default:
                return Fail(inObject ? Problem.ExpectedCommaOrBrace : Problem.ExpectedCommaOrBracket, p, isObject);
        }

    // A member name and its colon; at depth 1 the values of "type" and "seq" are read on the way.
    Key:
        p = SkipSpace(json, p);
        if ((uint)p >= (uint)json.Length || json[p] != (byte)'"')
        {
            return Fail(Problem.ExpectedName, p, isObject);
        }
        start = p;
        p = StringEnd(json, p);
        if (p < 0)
        {
            return Fail(Problem.BadString, start, isObject);
        }
        int nameEnd = p;
        p = SkipSpace(json, p);
        if ((uint)p >= (uint)json.Length || json[p] != (byte)':')
        {
            return Fail(Problem.ExpectedColon, p, isObject);
        }
        p = SkipSpace(json, p + 1);
        if (depth == 1)
        {
            ReadOnlySpan<byte> name = json.Slice(start + 1, nameEnd - start - 2);
            if (name.SequenceEqual("type"u8))
            {
                fields.ReadType(json, p);
            }
            else if (name.SequenceEqual("seq"u8))
            {
                fields.ReadSeq(json, p);
            }
        }
        goto Value;
    }

    private enum Problem
    {
        EndsEarly,
        TooDeep,
        NotAValue,
        TextAfter,
        ExpectedCommaOrBrace,
        ExpectedCommaOrBracket,
        ExpectedName,
        BadString,
        ExpectedColon,
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Outcome Fail(Problem problem, int at, bool isObject) => new(problem switch
    {
        Problem.EndsEarly => "the JSON ends early",
        Problem.TooDeep => $"nested deeper than {MaxDepth}",
        Problem.NotAValue => $"not a JSON value at byte {at}",
        Problem.TextAfter => $"text after the JSON value at byte {at}",
        Problem.ExpectedCommaOrBrace => $"expected ',' or '}}' at byte {at}",
        Problem.ExpectedCommaOrBracket => $"expected ',' or ']' at byte {at}",
        Problem.ExpectedName => $"expected a member name at byte {at}",
        Problem.BadString => $"a bad string at byte {at}",
        _ => $"expected ':' at byte {at}",
    }, null, null, isObject);

    /// <summary>The top-level "type" and "seq" seen so far (the last one wins, as in a DOM).</summary>
    private struct TopLevelFields
    {
        public string? Type;
        public long? Seq;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public void ReadType(ReadOnlySpan<byte> json, int p) =>
            Type = (uint)p < (uint)json.Length && json[p] == (byte)'"' && StringEnd(json, p) is int end and > 0 ? Decode(json.Slice(p, end - p)) : null;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public void ReadSeq(ReadOnlySpan<byte> json, int p) =>
            Seq = (uint)p < (uint)json.Length && (json[p] == (byte)'-' || IsDigit(json[p])) && NumberEnd(json, p) is int end and > 0
                && Utf8Parser.TryParse(json.Slice(p, end - p), out long value, out int used) && used == end - p ? value : -1;
    }

    /// <summary>A string token's text: the kernel's type names need no unescaping; the rare escaped one goes through the reader.</summary>
    private static string Decode(ReadOnlySpan<byte> token)
    {
        ReadOnlySpan<byte> inner = token.Slice(1, token.Length - 2);
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return RecordTypeName(inner);
        }
        try
        {
            var reader = new Utf8JsonReader(token);
            reader.Read();
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return ""; // an escape that is no valid UTF-16 (a lone surrogate): not a usable type name
        }
    }

    /// <summary>The kernel's frequent record types as shared strings, so a log of thousands of records does not allocate each name.</summary>
    private static string RecordTypeName(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("progress"u8) => "progress",
        _ when name.SequenceEqual("result"u8) => "result",
        _ => System.Text.Encoding.UTF8.GetString(name),
    };

    /// <summary>
    /// The index after the string starting at <paramref name="p"/> (a '"'); -1 when it is not a
    /// valid string. Sixteen bytes at a time while they last: a member name usually fits in one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringEnd(ReadOnlySpan<byte> json, int p)
    {
        p++;
        while (true)
        {
            if (p <= json.Length - Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.Create(json.Slice(p, Vector128<byte>.Count));
                uint special = (Vector128.Equals(v, Vector128.Create((byte)'"'))
                    | Vector128.Equals(v, Vector128.Create((byte)'\\'))
                    | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
                if (special == 0)
                {
                    p += Vector128<byte>.Count;
                    continue;
                }
                p += BitOperations.TrailingZeroCount(special);
            }
            else
            {
                while ((uint)p < (uint)json.Length && json[p] >= 0x20 && json[p] != (byte)'"' && json[p] != (byte)'\\')
                {
                    p++;
                }
                if ((uint)p >= (uint)json.Length)
                {
                    return -1;
                }
            }
            byte b = json[p];
            if (b == (byte)'"')
            {
                return p + 1;
            }
            if (b < 0x20)
            {
                return -1; // a raw control character
            }
            p = EscapeEnd(json, p);
            if (p < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>The index after the escape sequence starting at <paramref name="p"/> (a '\'); -1 when it is not a valid one.</summary>
    private static int EscapeEnd(ReadOnlySpan<byte> json, int p)
    {
        if (p + 1 >= json.Length)
        {
            return -1;
        }
        byte e = json[p + 1];
        if (e == (byte)'u')
        {
            return p + 6 <= json.Length && IsHex(json[p + 2]) && IsHex(json[p + 3]) && IsHex(json[p + 4]) && IsHex(json[p + 5]) ? p + 6 : -1;
        }
        return e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' ? p + 2 : -1;
    }

    /// <summary>
    /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, starting at a '-' or a digit. What
    /// follows is not looked at: a number running into anything but a delimiter ("01", "1x") is
    /// refused by the state after the value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumberEnd(ReadOnlySpan<byte> json, int p)
    {
        if (json[p] == (byte)'-' && ++p >= json.Length)
        {
            return -1;
        }
        if (json[p] == (byte)'0')
        {
            p++;
        }
        else
        {
            int start = p;
            p = DigitsEnd(json, p);
            if (p == start)
            {
                return -1;
            }
        }
        return (uint)p < (uint)json.Length && json[p] is (byte)'.' or (byte)'e' or (byte)'E' ? FractionEnd(json, p) : p;
    }

    /// <summary>The rest of a number from its '.' or exponent on (rare in the kernel's records).</summary>
    private static int FractionEnd(ReadOnlySpan<byte> json, int p)
    {
        if (json[p] == (byte)'.')
        {
            int start = ++p;
            p = DigitsEnd(json, p);
            if (p == start)
            {
                return -1;
            }
        }
        if ((uint)p < (uint)json.Length && json[p] is (byte)'e' or (byte)'E')
        {
            p++;
            if ((uint)p < (uint)json.Length && json[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }
            int start = p;
            p = DigitsEnd(json, p);
            if (p == start)
            {
                return -1;
            }
        }
        return p;
    }

    /// <summary>The index after a run of digits; sixteen bytes at a time while they last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitsEnd(ReadOnlySpan<byte> json, int p)
    {
        while (p <= json.Length - Vector128<byte>.Count)
        {
            Vector128<byte> v = Vector128.Create(json.Slice(p, Vector128<byte>.Count));
            uint digits = Vector128.LessThan(v - Vector128.Create((byte)'0'), Vector128.Create((byte)10)).ExtractMostSignificantBits();
            int run = BitOperations.TrailingZeroCount(~digits); // at most 16: ~digits has its high bits set
            p += run;
            if (run < Vector128<byte>.Count)
            {
                return p;
            }
        }
        while ((uint)p < (uint)json.Length && IsDigit(json[p]))
        {
            p++;
        }
        return p;
    }

    /// <summary>The index after true, false or null at <paramref name="p"/>; -1 when there is none.</summary>
    private static int LiteralEnd(ReadOnlySpan<byte> json, int p)
    {
        ReadOnlySpan<byte> rest = json.Slice(p);
        int length = rest.StartsWith("true"u8) || rest.StartsWith("null"u8) ? 4 : rest.StartsWith("false"u8) ? 5 : 0;
        return length == 0 ? -1 : p + length;
    }

    /// <summary>JSON's four space bytes; the kernel sends none between tokens, so the first test almost always ends it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpace(ReadOnlySpan<byte> json, int p)
    {
        while ((uint)p < (uint)json.Length)
        {
            uint b = json[p];
            if (b > ' ' || (b != ' ' && b != '\t' && b != '\r' && b != '\n'))
            {
                break;
            }
            p++;
        }
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';
}
