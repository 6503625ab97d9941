// Writes the UART contract's records (docs/uart-contract.md): one line
//     @@KS1 <len> <crc32> <json>\r\n
// where <len> is the decimal byte length of <json>, <crc32> its Crc32 in 8 lowercase hex digits, and
// <json> one object that starts {"type":"<type>","seq":<n>, ...}.
//
// Use: JsonWriter json = records.Begin("result"u8); json.WriteString("verdict"u8, "PASS"u8); ...;
// records.End(ref json). Begin opens the object and writes type and seq; End closes it, frames it and
// hands the whole line to the sink in ONE Write call, so a sink that serialises its Writes never
// interleaves two records.
//
// A record is never emitted half-written or malformed. When the JSON does not fit the capacity, or the
// writer was misused (unbalanced containers, a value without a property name), or the type is not
// 1..MaxTypeLength bytes of [a-z0-9_], End emits in its place an error record with the same seq:
//     {"type":"error","seq":<n>,"reason":"record overflow","wanted_type":"<type>","json_capacity":<c>}
// with reason "record overflow", "malformed record" or "invalid record type" (the last one without
// wanted_type), and returns false. MinimumJsonCapacity guarantees that this record always fits.
//
// Display (process-wide, like seq) says how End shows a record: framed (On, the default), as its
// RecordBrief line (Brief; a run of one type is counted by BriefRun) or not at all (Off); the seq
// is taken either way.
//
// seq comes from one process-wide counter (Interlocked), starting at 0 (the boot record), taken in Begin: every record,
// from any writer on any CPU, gets a distinct and larger seq than the records begun before it. A writer
// instance holds one record at a time and is not thread-safe: use one per CPU or context. Records from
// several writers reach the UART in seq order only if the caller holds the UART from Begin to End.
using System;
using System.Threading;

namespace KernelStress.Shell;

public sealed class RecordWriter
{
    public const int MinimumJsonCapacity = 256;
    public const int MaxTypeLength = 32;

    // "@@KS1 " + up to 10 length digits (an int) + " " + 8 hex digits + " ".
    private const int HeaderCapacity = 6 + 10 + 1 + AsciiFormat.Hex32Length + 1;

    // The number of records begun so far; the next record's seq.
    private static ulong s_nextSeq;

    private static int s_display;

    private readonly TextSink _sink;
    private readonly int _jsonCapacity;
    // Layout: [header, right-aligned to the json][json][\r\n]; only the used part is written.
    private readonly byte[] _frame;
    private readonly byte[] _brief = new byte[RecordBrief.MaxLength + 2];
    private readonly byte[] _type = new byte[MaxTypeLength];
    private int _typeLength;
    private bool _typeValid;
    private ulong _seq;

    /// <summary>A writer whose JSON may hold <paramref name="jsonCapacity"/> bytes (at least MinimumJsonCapacity).</summary>
    public RecordWriter(TextSink sink, int jsonCapacity)
    {
        _sink = sink;
        _jsonCapacity = Math.Max(jsonCapacity, MinimumJsonCapacity);
        _frame = new byte[HeaderCapacity + _jsonCapacity + 2];
    }

    public int JsonCapacity => _jsonCapacity;

    public static RecordDisplay Display
    {
        get => (RecordDisplay)Volatile.Read(ref s_display);
        set => Volatile.Write(ref s_display, (int)value);
    }

    /// <summary>Starts a record of the given type (discarding any record begun and not ended).</summary>
    public JsonWriter Begin(ReadOnlySpan<byte> type)
    {
        _seq = Interlocked.Increment(ref s_nextSeq) - 1;
        _typeValid = IsValidType(type);
        _typeLength = _typeValid ? type.Length : 0;
        type.Slice(0, _typeLength).CopyTo(_type);
        JsonWriter json = new JsonWriter(new Span<byte>(_frame, HeaderCapacity, _jsonCapacity));
        json.WriteStartObject();
        json.WriteString("type"u8, type);
        json.WriteNumber("seq"u8, _seq);
        return json;
    }

    /// <summary>
    /// Closes the record begun by Begin and writes it as one framed line. Returns false when an error
    /// record was written in its place (see the file comment).
    /// </summary>
    public bool End(ref JsonWriter json)
    {
        json.WriteEndObject();
        if (_typeValid && json.IsComplete)
        {
            Emit(json.Length, new ReadOnlySpan<byte>(_type, 0, _typeLength));
            return true;
        }
        JsonWriter error = new JsonWriter(new Span<byte>(_frame, HeaderCapacity, _jsonCapacity));
        error.WriteStartObject();
        error.WriteString("type"u8, "error"u8);
        error.WriteNumber("seq"u8, _seq);
        if (!_typeValid)
        {
            error.WriteString("reason"u8, "invalid record type"u8);
        }
        else
        {
            error.WriteString("reason"u8, json.Overflowed ? "record overflow"u8 : "malformed record"u8);
            error.WriteString("wanted_type"u8, new ReadOnlySpan<byte>(_type, 0, _typeLength));
            error.WriteNumber("json_capacity"u8, _jsonCapacity);
        }
        error.WriteEndObject();
        Emit(error.Length, "error"u8);
        return false;
    }

    private void Emit(int jsonLength, ReadOnlySpan<byte> type)
    {
        switch (Display)
        {
            case RecordDisplay.On:
                _sink.Write(Frame(_frame, HeaderCapacity, jsonLength));
                break;
            case RecordDisplay.Brief:
                if (BriefRun.Continues(_sink, type, _seq))
                    break;
                int length = RecordBrief.Write(new ReadOnlySpan<byte>(_frame, HeaderCapacity, jsonLength), _brief);
                _brief[length] = (byte)'\r';
                _brief[length + 1] = (byte)'\n';
                _sink.Write(new ReadOnlySpan<byte>(_brief, 0, length + 2));
                break;
        }
    }

    /// <summary>
    /// Frames the JSON at frame[jsonStart .. jsonStart + jsonLength]: writes the header right before it
    /// (jsonStart must leave room for it) and "\r\n" right after it, and returns the whole line.
    /// </summary>
    internal static ReadOnlySpan<byte> Frame(Span<byte> frame, int jsonStart, int jsonLength)
    {
        Span<byte> json = frame.Slice(jsonStart, jsonLength);
        Span<byte> header = stackalloc byte[HeaderCapacity];
        int used = 0;
        "@@KS1 "u8.CopyTo(header);
        used += 6;
        used += AsciiFormat.Decimal(header.Slice(used), (ulong)jsonLength);
        header[used++] = (byte)' ';
        used += AsciiFormat.Hex32(header.Slice(used), Crc32.Compute(json));
        header[used++] = (byte)' ';
        int start = jsonStart - used;
        header.Slice(0, used).CopyTo(frame.Slice(start));
        frame[jsonStart + jsonLength] = (byte)'\r';
        frame[jsonStart + jsonLength + 1] = (byte)'\n';
        return frame.Slice(start, used + jsonLength + 2);
    }

    private static bool IsValidType(ReadOnlySpan<byte> type)
    {
        if (type.IsEmpty || type.Length > MaxTypeLength)
        {
            return false;
        }
        for (int i = 0; i < type.Length; i++)
        {
            byte c = type[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
