using System;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace KernelStress.Tool.Uart;

/// <summary>
/// Decodes one record frame, <c>@@KS1 &lt;len&gt; &lt;crc32&gt; &lt;json&gt;</c>: len is the decimal
/// byte length of json, crc32 its CRC-32 (IEEE, as zlib) in 8 lowercase hex digits. A frame is
/// trusted only if both check out and the JSON is an object with a "type" string and an integer
/// "seq". A bad frame ends where the next marker on the line starts (or at the end of the line),
/// so a damaged record never takes its neighbour with it.
/// </summary>
public static class RecordFrame
{
    public static ReadOnlySpan<byte> Marker => "@@KS1 "u8;

    private const int CrcDigits = 8;
    private const int MaxLengthDigits = 9;

    /// <summary>The outcome for the frame whose marker starts at <c>markerAt</c>; decoding resumes at <c>End</c>.</summary>
    public readonly record struct Outcome(UartRecord? Record, string? Corruption, int End);

    /// <param name="owner">The line's bytes as an array (the same bytes as <paramref name="line"/>): a trusted record keeps a slice of it, no copy.</param>
    public static Outcome Decode(ReadOnlySpan<byte> line, int markerAt, int lineNumber, bool streamEnded, byte[] owner)
    {
        // A frame whose header, length and CRC check out ends where its length says, wherever the
        // next marker is (its JSON may even quote one): only a damaged frame needs the next marker.
        if (ChecksOut(line, markerAt + Marker.Length, out int payloadStart, out int length))
        {
            int end = payloadStart + length;
            return Validate(line.Slice(payloadStart, length), owner.AsMemory(payloadStart, length), lineNumber, out UartRecord? record, out string? why)
                ? new Outcome(record, null, end)
                : new Outcome(null, why, end);
        }
        return Damaged(line, markerAt, streamEnded);
    }

    /// <summary>True when the frame's header is well formed and its payload has the declared length and CRC.</summary>
    private static bool ChecksOut(ReadOnlySpan<byte> line, int headerStart, out int payloadStart, out int length) =>
        ReadHeader(line, headerStart, line.Length, out length, out uint crc, out payloadStart) == HeaderFault.None
        && length <= line.Length - payloadStart && Crc32.HashToUInt32(line.Slice(payloadStart, length)) == crc;

    /// <summary>What is wrong with a header read up to <c>end</c>: a field that is not what it should be, or one cut short by the end.</summary>
    private enum HeaderFault
    {
        None,
        LengthField,
        LengthCut,
        CrcField,
        CrcCut,
    }

    /// <summary>"&lt;len&gt; &lt;crc32&gt; " from <paramref name="headerStart"/>, not reading at or past <paramref name="end"/>.</summary>
    private static HeaderFault ReadHeader(ReadOnlySpan<byte> line, int headerStart, int end, out int length, out uint crc, out int payloadStart)
    {
        length = 0;
        crc = 0;
        payloadStart = 0;
        int p = headerStart;
        // One digit past the limit is read, so an overlong length reads as malformed, not as cut.
        while (p < end && p - headerStart <= MaxLengthDigits && IsDigit(line[p]))
        {
            length = p - headerStart < MaxLengthDigits ? length * 10 + (line[p] - '0') : length;
            p++;
        }
        int lengthDigits = p - headerStart;
        if (lengthDigits <= MaxLengthDigits && p >= end)
        {
            return HeaderFault.LengthCut;
        }
        if (lengthDigits == 0 || lengthDigits > MaxLengthDigits || line[p] != (byte)' ')
        {
            return HeaderFault.LengthField;
        }
        int crcStart = p + 1;
        if (crcStart + CrcDigits >= end)
        {
            return IsLowerHex(line.Slice(crcStart, Math.Min(CrcDigits, end - crcStart))) ? HeaderFault.CrcCut : HeaderFault.CrcField;
        }
        foreach (byte b in line.Slice(crcStart, CrcDigits))
        {
            int nibble = IsDigit(b) ? b - '0' : b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10 : -1;
            if (nibble < 0)
            {
                return HeaderFault.CrcField;
            }
            crc = (crc << 4) | (uint)nibble;
        }
        payloadStart = crcStart + CrcDigits + 1;
        return line[payloadStart - 1] == (byte)' ' ? HeaderFault.None : HeaderFault.CrcField;
    }

    /// <summary>Why a frame that does not check out is damaged; it ends where the next marker on the line starts.</summary>
    private static Outcome Damaged(ReadOnlySpan<byte> line, int markerAt, bool streamEnded)
    {
        int headerStart = markerAt + Marker.Length;
        int next = line.Slice(headerStart).IndexOf(Marker);
        int segmentEnd = next < 0 ? line.Length : headerStart + next;

        // Only the last, unterminated line of a stream can be cut short; anywhere else a short
        // frame is damage, not truncation.
        bool streamTail = streamEnded && segmentEnd == line.Length;
        const string Truncated = "truncated: the stream ended inside the record header";
        const string BadLength = "malformed header: the length after '@@KS1 ' is not a decimal number followed by a space";
        const string BadCrc = "malformed header: the crc32 field is not 8 lowercase hex digits followed by a space";

        switch (ReadHeader(line, headerStart, segmentEnd, out int declaredLength, out uint declaredCrc, out int payloadStart))
        {
            case HeaderFault.LengthCut:
                return new Outcome(null, streamTail ? Truncated : BadLength, segmentEnd);
            case HeaderFault.LengthField:
                return new Outcome(null, BadLength, segmentEnd);
            case HeaderFault.CrcCut:
                return new Outcome(null, streamTail ? Truncated : BadCrc, segmentEnd);
            case HeaderFault.CrcField:
                return new Outcome(null, BadCrc, segmentEnd);
        }

        ReadOnlySpan<byte> actual = TrimEnd(line.Slice(payloadStart, segmentEnd - payloadStart));
        string reason;
        if (actual.Length < declaredLength && streamTail)
        {
            reason = $"truncated: the stream ended {actual.Length} bytes into a {declaredLength}-byte record";
        }
        else if (actual.Length != declaredLength)
        {
            reason = $"length mismatch: the header says {declaredLength} bytes, the record has {actual.Length}";
        }
        else
        {
            reason = $"crc mismatch: the header says {declaredCrc:x8}, the {declaredLength} bytes hash to {Crc32.HashToUInt32(actual):x8}";
        }
        return new Outcome(null, reason, segmentEnd);
    }

    /// <summary>Frames <paramref name="json"/> the way the kernel does (for tests and fakes).</summary>
    public static string Encode(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return $"@@KS1 {bytes.Length} {Crc32.HashToUInt32(bytes):x8} {json}";
    }

    private static bool Validate(ReadOnlySpan<byte> payload, ReadOnlyMemory<byte> kept, int lineNumber, out UartRecord? record, out string? why)
    {
        record = null;
        JsonCheck.Outcome check = JsonCheck.Check(payload);
        if (check.Error is { } error)
        {
            why = $"invalid JSON although length and crc check out ({error})";
            return false;
        }
        if (!check.IsObject)
        {
            why = $"the JSON is a {KindOf(payload)}, not an object";
            return false;
        }
        string? type = check.Type;
        if (string.IsNullOrEmpty(type))
        {
            why = "the record has no \"type\" string";
            return false;
        }
        if (check.Seq is not long seqValue || seqValue < 0)
        {
            why = "the record has no non-negative integer \"seq\"";
            return false;
        }
        why = null;
        record = new UartRecord(lineNumber, type, seqValue, kept);
        return true;
    }

    /// <summary>What a well-formed JSON value that is not an object is, for the message.</summary>
    private static string KindOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => "Array",
            JsonTokenType.String => "String",
            JsonTokenType.Number => "Number",
            JsonTokenType.True or JsonTokenType.False => "Boolean",
            _ => "Null",
        };
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static bool IsLowerHex(ReadOnlySpan<byte> s)
    {
        foreach (byte b in s)
        {
            if (!IsDigit(b) && (b < (byte)'a' || b > (byte)'f'))
            {
                return false;
            }
        }
        return true;
    }

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> s)
    {
        int n = s.Length;
        while (n > 0 && (s[n - 1] == (byte)' ' || s[n - 1] == (byte)'\t'))
        {
            n--;
        }
        return s.Slice(0, n);
    }
}
