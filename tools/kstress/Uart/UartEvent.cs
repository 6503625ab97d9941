using System;
using System.Text.Json;

namespace KernelStress.Tool.Uart;

/// <summary>
/// What <see cref="UartStreamParser"/> found in the stream, in stream order. <c>Line</c> is the
/// 1-based number of the line in the raw log (lines end at '\n'), so it matches
/// <c>sed -n 'Np' uart.log</c> for a log written by <c>run --log</c>.
/// </summary>
public abstract record UartEvent(int Line);

/// <summary>
/// A completed line, cleaned of CR, NUL, control bytes and ANSI escape sequences.
/// <see cref="Human"/> is the part before the first record marker (the whole line when it holds
/// no record): that is what a person reads, e.g. "ks> " in front of a record. The text of a line
/// that holds a record is decoded only when asked for (most readers want the record, not its text).
/// </summary>
public sealed record LineReceived : UartEvent
{
    private readonly byte[]? _bytes;
    private string? _text;

    /// <summary>A line without a record: all of it is human text.</summary>
    public LineReceived(int line, string text) : base(line)
    {
        _text = text;
        Human = text;
    }

    /// <summary>A line holding a record: its cleaned bytes, decoded on first use of <see cref="Text"/>.</summary>
    public LineReceived(int line, byte[] bytes, string human) : base(line)
    {
        _bytes = bytes;
        Human = human;
        HasRecord = true;
    }

    /// <summary>The whole cleaned line.</summary>
    public string Text => _text ??= System.Text.Encoding.UTF8.GetString(_bytes!);

    public string Human { get; }

    public bool HasRecord { get; }

    /// <summary>True for the echo of typed input: the prompt followed by the command text.</summary>
    public bool IsEcho => !HasRecord && Text.Length > UartStreamParser.Prompt.Length && Text.StartsWith(UartStreamParser.Prompt, System.StringComparison.Ordinal);

    /// <summary>The command text of an echo line.</summary>
    public string EchoedCommand => IsEcho ? Text.Substring(UartStreamParser.Prompt.Length).Trim() : "";

    /// <summary>
    /// The error message when this is one of the shell's error lines ("error: ...", possibly
    /// behind a prompt on the same line); null otherwise.
    /// </summary>
    public string? Error
    {
        get
        {
            string text = Human;
            while (text.StartsWith(UartStreamParser.Prompt, System.StringComparison.Ordinal))
            {
                text = text.Substring(UartStreamParser.Prompt.Length);
            }
            return text.StartsWith("error:", System.StringComparison.Ordinal) ? text.TrimEnd() : null;
        }
    }
}

/// <summary>The shell prompt "ks> " appeared at the start of a line (no newline follows it).</summary>
public sealed record PromptShown(int Line) : UartEvent(Line);

/// <summary>A record whose length and CRC checked out and whose JSON has a type and a seq.</summary>
public sealed record RecordReceived(UartRecord Record) : UartEvent(Record.Line);

/// <summary>A record that failed its checks, or a seq anomaly in the record stream.</summary>
public sealed record CorruptFound(CorruptFinding Finding) : UartEvent(Finding.Line);

/// <summary>
/// One trusted record: <c>@@KS1 &lt;len&gt; &lt;crc32&gt; &lt;json&gt;</c> with len and crc verified and
/// its JSON checked (an object with a "type" string and a "seq"). The JSON keeps its bytes as
/// sent; <see cref="Body"/> builds the element on first use, so the parser itself never builds
/// a DOM (that is most of its cost: see bench/UartParserBenchmarks.cs).
/// </summary>
public sealed class UartRecord
{
    private readonly ReadOnlyMemory<byte> _json;
    private JsonElement? _body;

    public UartRecord(int line, string type, long seq, ReadOnlyMemory<byte> json)
    {
        Line = line;
        Type = type;
        Seq = seq;
        _json = json;
    }

    public int Line { get; }

    public string Type { get; }

    public long Seq { get; }

    /// <summary>The record's JSON exactly as it was sent.</summary>
    public string Json => System.Text.Encoding.UTF8.GetString(_json.Span);

    public JsonElement Body => _body ??= JsonElement.Parse(_json.Span);

    /// <summary>A string field of the record, or null when it is absent or not a string.</summary>
    public string? GetString(string name) =>
        Body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A corrupt record or stream anomaly: where (line) and why (one clause).</summary>
public sealed record CorruptFinding(int Line, string Reason);
