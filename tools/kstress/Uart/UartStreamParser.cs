using System;
using System.Collections.Generic;
using System.Text;

namespace KernelStress.Tool.Uart;

/// <summary>
/// Streaming parser of the kernel's UART output (docs/uart-contract.md). Feed it bytes
/// as they arrive, in chunks of any size; it returns what each chunk completed. Call
/// <see cref="Complete"/> at the end of the stream to flush a last line that has no newline.
///
/// What always holds:
/// - Nothing in the stream is fatal: noise before boot, CR, NUL, control bytes, ANSI sequences and
///   a truncated last line are cleaned or reported, never thrown.
/// - A record is trusted (<see cref="RecordReceived"/>) only if its length and CRC check out and
///   its JSON has "type" and "seq"; anything else that claims to be a record is reported once as
///   <see cref="CorruptFound"/> with its line number, and never hides a good record next to it
///   (several frames on one line, or a frame after the prompt or other text, are all decoded).
/// - Record seqs must go up by one. A gap not explained by corrupt records seen in between, a
///   repeated or decreasing seq, and a second boot record are reported as corrupt-stream findings
///   (the record itself is still trusted: its bytes checked out).
/// - The prompt is "ks> " at the start of a line; it is reported when its last byte arrives,
///   because no newline follows it.
/// </summary>
public sealed class UartStreamParser
{
    public const string Prompt = "ks> ";

    /// <summary>The boot record's seq: the kernel numbers its records from 0 (docs/uart-contract.md, seq).</summary>
    public const long FirstSeq = 0;

    private static ReadOnlySpan<byte> PromptBytes => "ks> "u8;
    private static ReadOnlySpan<byte> DamagedMarkerHint => "@@KS"u8;
    private static ReadOnlySpan<byte> RecordBodyHint => "{\"type\":\""u8;

    private readonly ControlFilter _filter = new();
    private readonly List<UartEvent> _events = new();
    private byte[] _line = new byte[256];
    private int _lineLength;
    private bool _promptChecked;
    private int _lineNumber = 1;
    private long? _lastSeq;
    private int _lostSinceLastRecord;
    private bool _sawBoot;
    private bool _completed;

    public IReadOnlyList<UartEvent> Feed(ReadOnlySpan<byte> data)
    {
        if (_completed)
        {
            throw new InvalidOperationException("Feed after Complete: the stream has ended.");
        }

        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            ReadOnlySpan<byte> segment = newline < 0 ? data : data.Slice(0, newline);
            bool lineDone = false;
            if (newline >= 0 && segment.Length > 0 && segment[^1] == (byte)'\r')
            {
                segment = segment.Slice(0, segment.Length - 1); // CRLF: the filter would drop the CR in text anyway
            }
            if (_filter.InText && segment.IndexOfAny(ControlFilter.Special) < 0)
            {
                // The common case, plain text with nothing to filter: a whole line is decoded in place.
                if (newline >= 0 && _lineLength == 0)
                {
                    CheckPrompt(segment);
                    CompleteLine(segment, streamEnded: false);
                    lineDone = true;
                }
                else
                {
                    Append(segment);
                }
            }
            else
            {
                AppendFiltered(segment);
            }
            if (newline < 0)
            {
                break;
            }
            if (!lineDone)
            {
                CompleteLine(_line.AsSpan(0, _lineLength), streamEnded: false);
            }
            _filter.Reset();
            data = data.Slice(newline + 1);
        }
        return Drain();
    }

    /// <summary>The stream ended: decode the last line if it has no newline (a prompt alone is not a line).</summary>
    public IReadOnlyList<UartEvent> Complete()
    {
        if (!_completed)
        {
            _completed = true;
            ReadOnlySpan<byte> rest = _line.AsSpan(0, _lineLength);
            if (rest.Length > 0 && !rest.SequenceEqual(PromptBytes))
            {
                CompleteLine(rest, streamEnded: true);
            }
        }
        return Drain();
    }

    private IReadOnlyList<UartEvent> Drain()
    {
        if (_events.Count == 0)
        {
            return Array.Empty<UartEvent>();
        }
        UartEvent[] result = _events.ToArray();
        _events.Clear();
        return result;
    }

    /// <summary>
    /// Adds a segment that holds bytes to filter: the text between them is appended in runs, and
    /// only control bytes and the inside of escape sequences go through the filter one by one.
    /// </summary>
    private void AppendFiltered(ReadOnlySpan<byte> segment)
    {
        while (!segment.IsEmpty)
        {
            if (_filter.InText)
            {
                int special = segment.IndexOfAny(ControlFilter.Special);
                Append(special < 0 ? segment : segment.Slice(0, special));
                if (special < 0)
                {
                    return;
                }
                segment = segment.Slice(special);
            }
            if (_filter.Accept(segment[0]))
            {
                Append(segment.Slice(0, 1));
            }
            segment = segment.Slice(1);
        }
    }

    /// <summary>Adds kept bytes to the line being assembled; reports the prompt when its last byte arrives.</summary>
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_lineLength + bytes.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(_line.Length * 2, _lineLength + bytes.Length));
        }
        bytes.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += bytes.Length;
        CheckPrompt(_line.AsSpan(0, _lineLength));
    }

    private void CheckPrompt(ReadOnlySpan<byte> lineSoFar)
    {
        if (!_promptChecked && lineSoFar.Length >= PromptBytes.Length)
        {
            _promptChecked = true;
            if (lineSoFar.StartsWith(PromptBytes))
            {
                _events.Add(new PromptShown(_lineNumber));
            }
        }
    }

    private void CompleteLine(ReadOnlySpan<byte> span, bool streamEnded)
    {
        _lineLength = 0;
        _promptChecked = false;
        int number = _lineNumber++;

        int firstMarker = span.IndexOf(RecordFrame.Marker);
        if (firstMarker < 0)
        {
            _events.Add(new LineReceived(number, Encoding.UTF8.GetString(span)));
            if (span.IndexOf(DamagedMarkerHint) >= 0 || span.IndexOf(RecordBodyHint) >= 0)
            {
                Lost(number, "damaged record: the line looks like a record but has no '@@KS1 ' marker");
            }
            return;
        }

        // One copy of a record line: its records keep slices of it, and its text is decoded on demand.
        byte[] owner = span.ToArray();
        _events.Add(new LineReceived(number, owner, firstMarker == 0 ? "" : Encoding.UTF8.GetString(span.Slice(0, firstMarker))));

        int position = firstMarker;
        while (position < span.Length)
        {
            int found = span.Slice(position).IndexOf(RecordFrame.Marker);
            if (found < 0)
            {
                break;
            }
            RecordFrame.Outcome outcome = RecordFrame.Decode(span, position + found, number, streamEnded, owner);
            if (outcome.Record is { } record)
            {
                Accept(record);
            }
            else
            {
                Lost(number, outcome.Corruption!);
            }
            position = outcome.End;
        }
    }

    private void Accept(UartRecord record)
    {
        _events.Add(new RecordReceived(record));
        if (SeqAnomaly(record) is { } anomaly)
        {
            Finding(record.Line, anomaly);
        }
        _sawBoot |= record.Type == "boot";
        _lastSeq = record.Seq;
        _lostSinceLastRecord = 0;
    }

    private string? SeqAnomaly(UartRecord record)
    {
        bool isBoot = record.Type == "boot";
        if (isBoot && _sawBoot)
        {
            return $"the kernel booted again: a second boot record (seq {record.Seq}) in one stream";
        }
        if (_lastSeq is not long last)
        {
            return isBoot && record.Seq != FirstSeq ? $"the boot record has seq {record.Seq}, expected {FirstSeq}" : null;
        }
        if (record.Seq == last)
        {
            return $"seq {record.Seq} repeated: a duplicate record";
        }
        if (record.Seq < last)
        {
            return $"seq went backwards: {record.Seq} after {last}";
        }
        long missing = record.Seq - last - 1;
        if (missing > _lostSinceLastRecord)
        {
            string seen = _lostSinceLastRecord == 0 ? "none of them" : $"only {_lostSinceLastRecord} of them";
            return $"seq gap: {missing} record(s) missing between seq {last} and {record.Seq}, {seen} seen as corrupt";
        }
        return null;
    }

    /// <summary>A record that was sent but cannot be trusted: it may explain a later seq gap.</summary>
    private void Lost(int line, string reason)
    {
        _lostSinceLastRecord++;
        Finding(line, reason);
    }

    private void Finding(int line, string reason) => _events.Add(new CorruptFound(new CorruptFinding(line, reason)));
}
