using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace KernelStress.Tool.Uart;

/// <summary>
/// Checks that a record's payload is one well-formed JSON object (RFC 8259: UTF-8, strings with
/// valid escapes and no raw control characters, the number grammar, nesting up to 64 like
/// System.Text.Json's reader) and finds its top-level "type" string and integer "seq" in the same
/// pass. It does what one <see cref="Utf8JsonReader"/> pass did here, at a few times the speed,
/// because it only validates: the parser's throughput is mostly this check (bench/). Property
/// tests hold it to Utf8JsonReader's verdict (tests/tools.Tests/JsonCheckTests.cs).
/// </summary>
public static class JsonCheck
{
    public const int MaxDepth = 64;

    /// <summary>What a check found: Error is null when the JSON is well formed.</summary>
    public readonly record struct Outcome(string? Error, string? Type, long? Seq, bool IsObject);

    private static readonly SearchValues<byte> s_stringSpecial = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    public static Outcome Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return new Outcome("invalid UTF-8", null, null, false);
        }
        int p = SkipSpace(json, 0);
        bool isObject = p < json.Length && json[p] == (byte)'{';
        string? type = null;
        long? seq = null;
        ulong objects = 0;  // bit d set: the container at depth d+1 is an object
        int depth = 0;
        bool expectValue = true;

        while (true)
        {
            p = SkipSpace(json, p);
            if (!expectValue && depth == 0)
            {
                return p == json.Length
                    ? new Outcome(null, type, seq, isObject)
                    : new Outcome($"text after the JSON value at byte {p}", null, null, isObject);
            }
            if (p >= json.Length)
            {
                return new Outcome("the JSON ends early", null, null, isObject);
            }
            if (expectValue)
            {
                byte b = json[p];
                if (b == (byte)'{' || b == (byte)'[')
                {
                    if (depth == MaxDepth)
                    {
                        return new Outcome($"nested deeper than {MaxDepth}", null, null, isObject);
                    }
                    bool obj = b == (byte)'{';
                    objects = obj ? objects | (1UL << depth) : objects & ~(1UL << depth);
                    depth++;
                    p = SkipSpace(json, p + 1);
                    if (p < json.Length && json[p] == (obj ? (byte)'}' : (byte)']'))
                    {
                        depth--;
                        p++;
                        expectValue = false;
                    }
                    else if (obj)
                    {
                        if (!Key(json, ref p, depth, ref type, ref seq, out string? error))
                        {
                            return new Outcome(error, null, null, isObject);
                        }
                    }
                    continue;
                }
                int end = ScalarEnd(json, p);
                if (end < 0)
                {
                    return new Outcome($"not a JSON value at byte {p}", null, null, isObject);
                }
                p = end;
                expectValue = false;
                continue;
            }

            // After a value inside a container: a comma, or the end of the container.
            bool inObject = (objects & (1UL << (depth - 1))) != 0;
            byte next = json[p];
            if (next == (byte)',')
            {
                p++;
                expectValue = true;
                if (inObject)
                {
                    p = SkipSpace(json, p);
                    if (!Key(json, ref p, depth, ref type, ref seq, out string? error))
                    {
                        return new Outcome(error, null, null, isObject);
                    }
                }
                continue;
            }
            if (next == (inObject ? (byte)'}' : (byte)']'))
            {
                depth--;
                p++;
                continue;
            }
            return new Outcome($"expected ',' or '{(inObject ? '}' : ']')}' at byte {p}", null, null, isObject);
        }
    }

    /// <summary>
    /// A member name and its colon; positions <paramref name="p"/> on the value. At depth 1 the
    /// values of "type" and "seq" are read on the way.
    /// </summary>
    private static bool Key(ReadOnlySpan<byte> json, ref int p, int depth, ref string? type, ref long? seq, out string? error)
    {
        error = null;
        if (p >= json.Length || json[p] != (byte)'"')
        {
            error = $"expected a member name at byte {p}";
            return false;
        }
        int nameEnd = StringEnd(json, p);
        if (nameEnd < 0)
        {
            error = $"a bad string at byte {p}";
            return false;
        }
        ReadOnlySpan<byte> name = json.Slice(p + 1, nameEnd - p - 2);
        p = SkipSpace(json, nameEnd);
        if (p >= json.Length || json[p] != (byte)':')
        {
            error = $"expected ':' at byte {p}";
            return false;
        }
        p = SkipSpace(json, p + 1);
        if (depth == 1 && p < json.Length)
        {
            if (name.SequenceEqual("type"u8))
            {
                type = json[p] == (byte)'"' && StringEnd(json, p) is int end and > 0 ? Decode(json.Slice(p, end - p)) : null;
            }
            else if (name.SequenceEqual("seq"u8))
            {
                seq = ScalarEnd(json, p) is int end and > 0 && Utf8Parser.TryParse(json.Slice(p, end - p), out long value, out int used) && used == end - p ? value : -1;
            }
        }
        return true;
    }

    /// <summary>A string token's text: the kernel's type names need no unescaping; the rare escaped one goes through the reader.</summary>
    private static string Decode(ReadOnlySpan<byte> token)
    {
        ReadOnlySpan<byte> inner = token.Slice(1, token.Length - 2);
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return System.Text.Encoding.UTF8.GetString(inner);
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

    /// <summary>The index after a string, number or literal starting at <paramref name="p"/>; -1 when there is none.</summary>
    private static int ScalarEnd(ReadOnlySpan<byte> json, int p)
    {
        byte b = json[p];
        if (b == (byte)'"')
        {
            return StringEnd(json, p);
        }
        if (b == (byte)'-' || IsDigit(b))
        {
            return NumberEnd(json, p);
        }
        ReadOnlySpan<byte> rest = json.Slice(p);
        int length = rest.StartsWith("true"u8) || rest.StartsWith("null"u8) ? 4 : rest.StartsWith("false"u8) ? 5 : 0;
        return length == 0 ? -1 : Delimited(json, p + length);
    }

    private static int StringEnd(ReadOnlySpan<byte> json, int p)
    {
        p++;
        while (true)
        {
            int k = json.Slice(p).IndexOfAny(s_stringSpecial);
            if (k < 0)
            {
                return -1;
            }
            p += k;
            byte b = json[p];
            if (b == (byte)'"')
            {
                return p + 1;
            }
            if (b != (byte)'\\' || p + 1 >= json.Length)
            {
                return -1; // a raw control character, or a backslash at the end
            }
            byte e = json[p + 1];
            if (e == (byte)'u')
            {
                if (p + 6 > json.Length || !IsHex(json[p + 2]) || !IsHex(json[p + 3]) || !IsHex(json[p + 4]) || !IsHex(json[p + 5]))
                {
                    return -1;
                }
                p += 6;
            }
            else if (e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                p += 2;
            }
            else
            {
                return -1;
            }
        }
    }

    /// <summary>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</summary>
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
        else if (IsDigit(json[p]))
        {
            while (p < json.Length && IsDigit(json[p]))
            {
                p++;
            }
        }
        else
        {
            return -1;
        }
        if (p < json.Length && json[p] == (byte)'.')
        {
            int start = ++p;
            while (p < json.Length && IsDigit(json[p]))
            {
                p++;
            }
            if (p == start)
            {
                return -1;
            }
        }
        if (p < json.Length && (json[p] == (byte)'e' || json[p] == (byte)'E'))
        {
            p++;
            if (p < json.Length && (json[p] == (byte)'+' || json[p] == (byte)'-'))
            {
                p++;
            }
            int start = p;
            while (p < json.Length && IsDigit(json[p]))
            {
                p++;
            }
            if (p == start)
            {
                return -1;
            }
        }
        return Delimited(json, p);
    }

    /// <summary>A number or literal runs into a delimiter, never straight into a letter or another value.</summary>
    private static int Delimited(ReadOnlySpan<byte> json, int p) =>
        p < json.Length && !(json[p] is (byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') ? -1 : p;

    private static int SkipSpace(ReadOnlySpan<byte> json, int p)
    {
        while (p < json.Length && json[p] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            p++;
        }
        return p;
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static bool IsHex(byte b) => IsDigit(b) || (b >= (byte)'a' && b <= (byte)'f') || (b >= (byte)'A' && b <= (byte)'F');
}
