// Writes one JSON value (in practice an object) into a caller-owned byte span, without allocating
// and without exceptions. Commas are automatic.
//
// Invariants: the bytes written so far are a prefix of well-formed JSON, unless a flag says otherwise:
//   - Overflowed: a write did not fit; nothing more is written. The output must be discarded.
//   - Misused: a call broke the JSON structure (a value in an object without a property name, a
//     property name outside an object, closing the wrong container or nothing, a second top-level
//     value, nesting deeper than 64); nothing more is written. The output must be discarded.
// IsComplete says the output is one whole, well-formed JSON value.
//
// Strings are byte strings. Quote and backslash are escaped, and so is every byte outside printable
// ASCII 0x20..0x7E: \b \f \n \r \t, else \u00XX (a byte >= 0x80 becomes the code point of the same
// value), so a JSON text from this writer is always printable ASCII, safe on a UART.
// Span arguments are copied, never kept (they are `scoped`), so callers may pass stack buffers.
// Numbers: unsigned and signed 64-bit integers, and fixed-point doubles (AsciiFormat.Fixed); a double
// outside that format's domain (NaN, infinities, huge values) is written as null.
using System;

namespace KernelStress.Shell;

public ref struct JsonWriter
{
    private const int MaxDepth = 64; // one bit per level in _arrayLevels

    private readonly Span<byte> _buffer;
    private int _length;
    private int _depth;
    private ulong _arrayLevels;       // bit d set: the container at depth d + 1 is an array
    private bool _needsComma;         // the current container already holds an element
    private bool _afterPropertyName;  // a property name was written; its value comes next
    private bool _topLevelWritten;

    public JsonWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
        _depth = 0;
        _arrayLevels = 0;
        _needsComma = false;
        _afterPropertyName = false;
        _topLevelWritten = false;
        Overflowed = false;
        Misused = false;
    }

    public bool Overflowed { get; private set; }

    public bool Misused { get; private set; }

    public bool IsComplete => !Overflowed && !Misused && _topLevelWritten && _depth == 0;

    public int Length => _length;

    /// <summary>How many objects and arrays are open.</summary>
    public int Depth => _depth;

    public ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    public void WriteStartObject() => StartContainer((byte)'{', false);

    public void WriteStartObject(scoped ReadOnlySpan<byte> propertyName)
    {
        WritePropertyName(propertyName);
        WriteStartObject();
    }

    public void WriteEndObject() => EndContainer((byte)'}', false);

    public void WriteStartArray() => StartContainer((byte)'[', true);

    public void WriteStartArray(scoped ReadOnlySpan<byte> propertyName)
    {
        WritePropertyName(propertyName);
        WriteStartArray();
    }

    public void WriteEndArray() => EndContainer((byte)']', true);

    public void WritePropertyName(scoped ReadOnlySpan<byte> name)
    {
        if (!CanWrite())
        {
            return;
        }
        if (_depth == 0 || InArray() || _afterPropertyName)
        {
            Misused = true;
            return;
        }
        if (_needsComma)
        {
            Put((byte)',');
        }
        PutString(name);
        Put((byte)':');
        _afterPropertyName = true;
    }

    public void WriteStringValue(scoped ReadOnlySpan<byte> value)
    {
        if (BeforeValue())
        {
            PutString(value);
            AfterValue();
        }
    }

    /// <summary>An ASCII string from the catalog (a command name); each char becomes one byte, then escaped.</summary>
    public void WriteStringValue(string ascii)
    {
        if (!BeforeValue())
        {
            return;
        }
        Put((byte)'"');
        for (int i = 0; i < ascii.Length; i++)
        {
            PutEscaped((byte)ascii[i]);
        }
        Put((byte)'"');
        AfterValue();
    }

    public void WriteNumberValue(ulong value)
    {
        Span<byte> digits = stackalloc byte[AsciiFormat.MaxDecimalLength];
        WriteRaw(digits.Slice(0, AsciiFormat.Decimal(digits, value)));
    }

    public void WriteNumberValue(long value)
    {
        Span<byte> digits = stackalloc byte[AsciiFormat.MaxDecimalLength];
        WriteRaw(digits.Slice(0, AsciiFormat.Decimal(digits, value)));
    }

    /// <summary>A number with exactly <paramref name="decimals"/> digits after the point, or null (see the file comment).</summary>
    public void WriteFixedValue(double value, int decimals)
    {
        Span<byte> text = stackalloc byte[AsciiFormat.MaxFixedLength];
        int length = AsciiFormat.Fixed(text, value, decimals);
        WriteRaw(length == 0 ? "null"u8 : text.Slice(0, length));
    }

    public void WriteBooleanValue(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    public void WriteNullValue() => WriteRaw("null"u8);

    public void WriteString(scoped ReadOnlySpan<byte> propertyName, scoped ReadOnlySpan<byte> value)
    {
        WritePropertyName(propertyName);
        WriteStringValue(value);
    }

    public void WriteString(scoped ReadOnlySpan<byte> propertyName, string ascii)
    {
        WritePropertyName(propertyName);
        WriteStringValue(ascii);
    }

    public void WriteNumber(scoped ReadOnlySpan<byte> propertyName, ulong value)
    {
        WritePropertyName(propertyName);
        WriteNumberValue(value);
    }

    public void WriteNumber(scoped ReadOnlySpan<byte> propertyName, long value)
    {
        WritePropertyName(propertyName);
        WriteNumberValue(value);
    }

    public void WriteFixed(scoped ReadOnlySpan<byte> propertyName, double value, int decimals)
    {
        WritePropertyName(propertyName);
        WriteFixedValue(value, decimals);
    }

    public void WriteBoolean(scoped ReadOnlySpan<byte> propertyName, bool value)
    {
        WritePropertyName(propertyName);
        WriteBooleanValue(value);
    }

    public void WriteNull(scoped ReadOnlySpan<byte> propertyName)
    {
        WritePropertyName(propertyName);
        WriteNullValue();
    }

    private void StartContainer(byte open, bool isArray)
    {
        if (!BeforeValue())
        {
            return;
        }
        if (_depth == MaxDepth)
        {
            Misused = true;
            return;
        }
        Put(open);
        if (isArray)
        {
            _arrayLevels |= 1UL << _depth;
        }
        else
        {
            _arrayLevels &= ~(1UL << _depth);
        }
        _depth++;
        _needsComma = false;
        _afterPropertyName = false;
    }

    private void EndContainer(byte close, bool isArray)
    {
        if (!CanWrite())
        {
            return;
        }
        if (_depth == 0 || InArray() != isArray || _afterPropertyName)
        {
            Misused = true;
            return;
        }
        Put(close);
        _depth--;
        AfterValue();
    }

    private void WriteRaw(scoped ReadOnlySpan<byte> token)
    {
        if (BeforeValue())
        {
            Put(token);
            AfterValue();
        }
    }

    /// <summary>Checks that a value may come here and writes its comma; false when it must not be written.</summary>
    private bool BeforeValue()
    {
        if (!CanWrite())
        {
            return false;
        }
        bool allowed = _depth == 0 ? !_topLevelWritten : InArray() || _afterPropertyName;
        if (!allowed)
        {
            Misused = true;
            return false;
        }
        if (InArray() && _needsComma)
        {
            Put((byte)',');
        }
        return true;
    }

    private void AfterValue()
    {
        _afterPropertyName = false;
        _needsComma = true;
        if (_depth == 0)
        {
            _topLevelWritten = true;
        }
    }

    private bool CanWrite() => !Overflowed && !Misused;

    private bool InArray() => _depth > 0 && (_arrayLevels & (1UL << (_depth - 1))) != 0;

    private void PutString(scoped ReadOnlySpan<byte> value)
    {
        Put((byte)'"');
        for (int i = 0; i < value.Length; i++)
        {
            PutEscaped(value[i]);
        }
        Put((byte)'"');
    }

    private void PutEscaped(byte value)
    {
        byte shortEscape = value switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            0x08 => (byte)'b',
            0x0C => (byte)'f',
            0x0A => (byte)'n',
            0x0D => (byte)'r',
            0x09 => (byte)'t',
            _ => 0,
        };
        if (shortEscape != 0)
        {
            Put((byte)'\\');
            Put(shortEscape);
        }
        else if (AsciiText.IsPrintable(value))
        {
            Put(value);
        }
        else
        {
            Put("\\u00"u8);
            Put(AsciiFormat.HexDigit(value >> 4));
            Put(AsciiFormat.HexDigit(value & 0xF));
        }
    }

    private void Put(scoped ReadOnlySpan<byte> bytes)
    {
        if (Overflowed || _length + bytes.Length > _buffer.Length)
        {
            Overflowed = true;
            return;
        }
        bytes.CopyTo(_buffer.Slice(_length));
        _length += bytes.Length;
    }

    private void Put(byte value)
    {
        if (Overflowed || _length == _buffer.Length)
        {
            Overflowed = true;
            return;
        }
        _buffer[_length++] = value;
    }
}
