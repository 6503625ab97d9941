// One error line, in a buffer allocated once and reused. It is a TextSink so that the phrases
// describing the grammar ("an integer from 0 to 100") are written by the same code into error
// messages and into help output.
// Invariants: a non-empty message always starts with "error: " (the first Write after Clear adds it);
// the producer Clears, writes one message, and stops at the first error, so a message is never two
// errors glued together. A message longer than ShellLimits.MaxErrorLength ends in "..." so that the
// cut is visible, never silent. No line ending is stored: the caller writes the line.
using System;

namespace KernelStress.Shell;

public sealed class ErrorMessage : TextSink
{
    private readonly byte[] _text = new byte[ShellLimits.MaxErrorLength];
    private int _length;
    private bool _truncated;

    public bool IsSet => _length > 0;

    /// <summary>The message without a line ending; empty when no error is set.</summary>
    public ReadOnlySpan<byte> Text => new ReadOnlySpan<byte>(_text, 0, _length);

    public void Clear()
    {
        _length = 0;
        _truncated = false;
    }

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (_length == 0)
        {
            Append("error: "u8);
        }
        Append(bytes);
    }

    /// <summary>Writes the token in single quotes: every message names what the user typed this way.</summary>
    internal void WriteQuoted(ReadOnlySpan<byte> token)
    {
        Write("'"u8);
        Write(token);
        Write("'"u8);
    }

    /// <summary>Writes "0x" and two lowercase hex digits.</summary>
    internal void WriteHexByte(byte value)
    {
        Span<byte> text = stackalloc byte[4];
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        text[2] = AsciiFormat.HexDigit(value >> 4);
        text[3] = AsciiFormat.HexDigit(value & 0xF);
        Write(text);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length && !_truncated; i++)
        {
            if (_length == _text.Length)
            {
                _text[_length - 3] = (byte)'.';
                _text[_length - 2] = (byte)'.';
                _text[_length - 1] = (byte)'.';
                _truncated = true;
                return;
            }
            _text[_length++] = bytes[i];
        }
    }
}
