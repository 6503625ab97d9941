using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using KernelStress.Shell;
using KernelStress.Tool.Sessions;

namespace KernelStress.Tool.Uart;

/// <summary>
/// The UART stream as <c>kstress boot</c> shows it to a person: human text and echoed keystrokes
/// pass through byte for byte as they come; a line that starts with the record marker is held
/// until its end and shown per <see cref="View"/>. Brief: one short line (RecordBrief's form,
/// the one <c>records brief</c> prints in the kernel); a record of the same type as the one
/// shown last, with nothing in between, rewrites that line with a count (the chaos telemetry
/// storm's hundreds of records are one line); a progress record is a live line. A corrupt record
/// is flagged with <c>!!</c> in every view. Not thread-safe: the caller serialises
/// <see cref="Feed"/> and <see cref="Cycle"/>.
/// </summary>
public sealed class PersonView
{
    private static ReadOnlySpan<byte> Marker => RecordFrame.Marker;

    // Back to the line's start and erase it: the open line is drawn again.
    private const string Redraw = "\r\x1b[2K";

    private readonly int _width;
    private readonly UartStreamParser _records = new();
    private readonly List<byte> _held = new();
    private bool _atLineStart = true;
    private bool _inRecord;
    private string? _openType;
    private int _openCount;
    private long _openFirstSeq;

    /// <param name="width">The terminal's columns: a brief line is cut to fit one row.</param>
    public PersonView(RecordView view, int width)
    {
        View = view;
        _width = Math.Max(40, width);
    }

    public RecordView View { get; private set; }

    /// <summary>What to write to the terminal for these UART bytes.</summary>
    public byte[] Feed(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream();
        foreach (byte b in data)
        {
            if (_inRecord)
            {
                _held.Add(b);
                if (b == (byte)'\n')
                {
                    ShowRecordLine(output);
                }
                continue;
            }
            if (View != RecordView.Raw && (_atLineStart || _held.Count > 0))
            {
                _held.Add(b);
                if (IsMarkerPrefix())
                {
                    _inRecord = _held.Count == Marker.Length;
                    continue;
                }
                Text(output, _held.ToArray());
                _held.Clear();
                continue;
            }
            Text(output, [b]);
        }
        return output.ToArray();
    }

    /// <summary>The next view (brief, raw, hidden, brief...), and the line that says so.</summary>
    public byte[] Cycle()
    {
        var output = new MemoryStream();
        if (!_inRecord && _held.Count > 0)
        {
            Text(output, _held.ToArray());
            _held.Clear();
        }
        CloseOpenLine(output);
        View = View switch
        {
            RecordView.Brief => RecordView.Raw,
            RecordView.Raw => RecordView.Hidden,
            _ => RecordView.Brief,
        };
        Write(output, $"\r\nkstress: records now {Describe(View)} (Ctrl-A R: brief, raw, hidden)\r\n");
        _atLineStart = true;
        return output.ToArray();
    }

    public static string Describe(RecordView view) => view switch
    {
        RecordView.Brief => "shown one line each",
        RecordView.Raw => "shown raw",
        _ => "hidden",
    };

    private bool IsMarkerPrefix()
    {
        if (_held.Count > Marker.Length)
        {
            return false;
        }
        for (int i = 0; i < _held.Count; i++)
        {
            if (_held[i] != Marker[i])
            {
                return false;
            }
        }
        return true;
    }

    private void Text(MemoryStream output, ReadOnlySpan<byte> bytes)
    {
        CloseOpenLine(output);
        output.Write(bytes);
        _atLineStart = bytes[^1] == (byte)'\n';
    }

    private void ShowRecordLine(MemoryStream output)
    {
        byte[] line = _held.ToArray();
        _held.Clear();
        _inRecord = false;
        _atLineStart = true;
        foreach (UartEvent e in _records.Feed(line))
        {
            switch (e)
            {
                case RecordReceived { Record: var record } when View == RecordView.Brief:
                    ShowBrief(output, record);
                    break;
                case CorruptFound corrupt:
                    CloseOpenLine(output);
                    Write(output, $"!! corrupt record: {corrupt.Finding.Reason}\r\n");
                    break;
            }
        }
        if (View == RecordView.Raw)
        {
            CloseOpenLine(output);
            output.Write(line);
        }
    }

    private void ShowBrief(MemoryStream output, UartRecord record)
    {
        if (_openType != record.Type)
        {
            CloseOpenLine(output);
            _openType = record.Type;
            _openCount = 0;
            _openFirstSeq = record.Seq;
        }
        _openCount++;
        string text;
        if (record.Type == "progress")
        {
            text = "[progress] " + ProgressDisplay.Describe(record.Body);
        }
        else
        {
            byte[] brief = new byte[RecordBrief.MaxLength];
            string line = Encoding.ASCII.GetString(brief, 0, RecordBrief.Write(Encoding.UTF8.GetBytes(record.Json), brief));
            text = _openCount == 1
                ? line
                : $"[{record.Type} #{_openFirstSeq}..#{record.Seq}, {_openCount} records]" + line.Substring(line.IndexOf(']') + 1);
        }
        Write(output, Redraw + (text.Length < _width ? text : text.Substring(0, _width - 4) + "..."));
    }

    // The open line (a brief record, a run of them, progress) ends: what follows starts below it.
    private void CloseOpenLine(MemoryStream output)
    {
        if (_openType is not null)
        {
            Write(output, "\r\n");
            _openType = null;
        }
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
