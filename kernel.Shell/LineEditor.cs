// Turns raw UART input bytes into command lines, for a person at a terminal or a program piping lines.
//
// Bytes: printable ASCII 0x20..0x7E is stored and echoed; BS (0x08) and DEL (0x7F) erase the last
// character ("\b \b"); CR, LF or CRLF end the line (the LF of a CRLF pair is part of the same line end);
// Ctrl-C (0x03) cancels the line; Ctrl-U (0x15) erases it. Anything else (other control bytes,
// bytes >= 0x80, escape sequences such as arrow keys: ESC [ params final, ESC O x, ESC x) is not stored:
// it marks the line invalid and the line is rejected when it ends, naming the first offending byte.
// Characters past ShellLimits.MaxLineLength are echoed and counted, not stored: the line is rejected
// as overlong when it ends, unless erased back under the limit first. Nothing is dropped silently.
//
// Invariants: the buffer is allocated once, Feed never allocates; _stored <= MaxLineLength; the line's
// length as typed is _stored + _overlong, and _overlong > 0 only when _stored == MaxLineLength.
// Line and Error stay valid until the next Feed. Not thread-safe: one editor per console.
using System;

namespace KernelStress.Shell;

public sealed class LineEditor
{
    private const byte CtrlC = 0x03;
    private const byte Backspace = 0x08;
    private const byte LineFeed = 0x0A;
    private const byte CarriageReturn = 0x0D;
    private const byte CtrlU = 0x15;
    private const byte Escape = 0x1B;
    private const byte Delete = 0x7F;

    private enum EscapeState
    {
        None,
        AfterEscape,       // ESC seen
        ControlSequence,   // ESC [ seen: parameter bytes until a final byte 0x40..0x7E
        SingleShift,       // ESC O seen: one more byte
    }

    private readonly TextSink _echo;
    private readonly byte[] _line = new byte[ShellLimits.MaxLineLength];
    private readonly ErrorMessage _error = new ErrorMessage();
    private int _stored;
    private int _overlong;
    private bool _invalid;
    private byte _invalidByte;
    private int _invalidColumn;
    private EscapeState _escape;
    private bool _swallowLineFeed;
    private bool _lineEnded;

    public LineEditor(TextSink echo)
    {
        _echo = echo;
    }

    /// <summary>The finished line after Feed returned <see cref="LineStatus.Ready"/>.</summary>
    public ReadOnlySpan<byte> Line => new ReadOnlySpan<byte>(_line, 0, _stored);

    /// <summary>The one error line after Feed returned <see cref="LineStatus.Rejected"/>.</summary>
    public ReadOnlySpan<byte> Error => _error.Text;

    public LineStatus Feed(byte input)
    {
        if (_lineEnded)
        {
            StartLine();
        }
        if (_swallowLineFeed)
        {
            _swallowLineFeed = false;
            if (input == LineFeed)
            {
                return LineStatus.Pending;
            }
        }
        if (ContinuesEscapeSequence(input))
        {
            return LineStatus.Pending;
        }
        switch (input)
        {
            case CarriageReturn:
                _swallowLineFeed = true;
                return EndLine();
            case LineFeed:
                return EndLine();
            case Backspace:
            case Delete:
                EraseOne();
                return LineStatus.Pending;
            case CtrlU:
                EraseAll();
                return LineStatus.Pending;
            case CtrlC:
                _echo.Write("^C\r\n"u8);
                _lineEnded = true;
                return LineStatus.Cancelled;
        }
        if (AsciiText.IsPrintable(input))
        {
            Insert(input);
            return LineStatus.Pending;
        }
        MarkInvalid(input);
        if (input == Escape)
        {
            _escape = EscapeState.AfterEscape;
        }
        return LineStatus.Pending;
    }

    /// <summary>
    /// Consumes the bytes of an escape sequence in progress. A control or non-ASCII byte ends the
    /// sequence and is then handled as itself, so ESC followed by Enter still ends the line.
    /// </summary>
    private bool ContinuesEscapeSequence(byte input)
    {
        EscapeState state = _escape;
        if (state == EscapeState.None)
        {
            return false;
        }
        _escape = EscapeState.None;
        if (!AsciiText.IsPrintable(input))
        {
            return false;
        }
        if (state == EscapeState.AfterEscape && input == '[')
        {
            _escape = EscapeState.ControlSequence;
        }
        else if (state == EscapeState.AfterEscape && input == 'O')
        {
            _escape = EscapeState.SingleShift;
        }
        else if (state == EscapeState.ControlSequence && input < 0x40)
        {
            _escape = EscapeState.ControlSequence;
        }
        return true;
    }

    private void Insert(byte input)
    {
        if (_stored < _line.Length)
        {
            _line[_stored++] = input;
        }
        else
        {
            _overlong++;
        }
        Span<byte> echo = stackalloc byte[1];
        echo[0] = input;
        _echo.Write(echo);
    }

    private void EraseOne()
    {
        if (_overlong > 0)
        {
            _overlong--;
        }
        else if (_stored > 0)
        {
            _stored--;
        }
        else
        {
            return;
        }
        _echo.Write("\b \b"u8);
    }

    private void EraseAll()
    {
        for (int i = _stored + _overlong; i > 0; i--)
        {
            _echo.Write("\b \b"u8);
        }
        StartLine();
    }

    private void MarkInvalid(byte input)
    {
        if (_invalid)
        {
            return;
        }
        _invalid = true;
        _invalidByte = input;
        _invalidColumn = _stored + _overlong + 1;
    }

    private LineStatus EndLine()
    {
        _echo.Write("\r\n"u8);
        _lineEnded = true;
        if (_invalid)
        {
            _error.Write("byte "u8);
            _error.WriteHexByte(_invalidByte);
            if (_invalidByte == Escape)
            {
                _error.Write(" (escape, e.g. from an arrow key)"u8);
            }
            _error.Write(" at column "u8);
            _error.WriteDecimal(_invalidColumn);
            _error.Write(" is not printable ASCII; the shell accepts ASCII 0x20-0x7e only"u8);
            return LineStatus.Rejected;
        }
        if (_overlong > 0)
        {
            ReportTooLong(_error, _stored + _overlong);
            return LineStatus.Rejected;
        }
        return _stored == 0 ? LineStatus.Empty : LineStatus.Ready;
    }

    private void StartLine()
    {
        _stored = 0;
        _overlong = 0;
        _invalid = false;
        _escape = EscapeState.None;
        _lineEnded = false;
        _error.Clear();
    }

    /// <summary>The overlong-line message, shared with the tokenizer (which also bounds its input).</summary>
    internal static void ReportTooLong(ErrorMessage error, int length)
    {
        error.Write("line is longer than "u8);
        error.WriteDecimal(ShellLimits.MaxLineLength);
        error.Write(" characters (got "u8);
        error.WriteDecimal(length);
        error.Write("); nothing was run"u8);
    }
}
