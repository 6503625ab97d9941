using System.Buffers;

namespace KernelStress.Tool.Uart;

/// <summary>
/// Byte filter in front of the line splitter: drops CR, NUL and other C0 control bytes, DEL, and
/// ANSI escape sequences (CSI "ESC [ ... final", OSC/DCS strings ended by BEL or ESC \, charset
/// designations, the few two-byte escapes terminals use). Bytes 0x80 and up pass through (UTF-8).
/// Dropping these can never hide damage in a record: JSON has no raw control characters, and a
/// record is trusted only if its length and CRC check out over the bytes that remain.
/// A '\n' always ends the line, even inside an unterminated escape (the caller calls
/// <see cref="Reset"/>); runaway sequences are abandoned after a bound so garbage cannot swallow
/// a whole line.
/// </summary>
public sealed class ControlFilter
{
    private const byte Esc = 0x1B;
    private const int MaxCsiLength = 32;
    private const int MaxStringLength = 256;

    private State _state;
    private int _length;

    /// <summary>
    /// The bytes this filter drops or interprets (C0 controls but tab, DEL). A run without any of
    /// them, seen in the <see cref="InText"/> state, passes unchanged, so the parser can skip the
    /// byte-by-byte path for it.
    /// </summary>
    public static SearchValues<byte> Special { get; } = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>True when no escape sequence is open: the next byte is judged as text.</summary>
    public bool InText => _state == State.Text;

    private enum State
    {
        Text,
        Escape,
        Csi,
        String,
        StringEscape,
        Charset,
    }

    public void Reset()
    {
        _state = State.Text;
        _length = 0;
    }

    /// <summary>True when <paramref name="b"/> is text to keep.</summary>
    public bool Accept(byte b)
    {
        while (true)
        {
            switch (_state)
            {
                case State.Text:
                    if (b == Esc)
                    {
                        _state = State.Escape;
                        return false;
                    }
                    return b == (byte)'\t' || (b >= 0x20 && b != 0x7F);

                case State.Escape:
                    _length = 0;
                    switch (b)
                    {
                        case (byte)'[':
                            _state = State.Csi;
                            return false;
                        case (byte)']':
                        case (byte)'P':
                        case (byte)'X':
                        case (byte)'^':
                        case (byte)'_':
                            _state = State.String;
                            return false;
                        case (byte)'(':
                        case (byte)')':
                        case (byte)'*':
                        case (byte)'+':
                            _state = State.Charset;
                            return false;
                        case (byte)'7':
                        case (byte)'8':
                        case (byte)'=':
                        case (byte)'>':
                        case (byte)'c':
                        case (byte)'D':
                        case (byte)'E':
                        case (byte)'M':
                            _state = State.Text;
                            return false;
                        default:
                            // A stray ESC: drop it alone and judge the byte as text.
                            _state = State.Text;
                            continue;
                    }

                case State.Csi:
                    if (b >= 0x40 && b <= 0x7E)
                    {
                        _state = State.Text;
                        return false;
                    }
                    if (b >= 0x20 && b <= 0x3F && ++_length <= MaxCsiLength)
                    {
                        return false;
                    }
                    _state = State.Text;
                    continue;

                case State.String:
                    if (b == 0x07)
                    {
                        _state = State.Text;
                        return false;
                    }
                    if (b == Esc)
                    {
                        _state = State.StringEscape;
                        return false;
                    }
                    if (++_length <= MaxStringLength)
                    {
                        return false;
                    }
                    _state = State.Text;
                    continue;

                case State.StringEscape:
                    _state = b == (byte)'\\' ? State.Text : State.String;
                    if (_state == State.Text)
                    {
                        return false;
                    }
                    continue;

                case State.Charset:
                    _state = State.Text;
                    return false;
            }
        }
    }
}
