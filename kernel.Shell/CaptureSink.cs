// A TextSink that keeps what is written in a fixed buffer allocated once: ShellSelfTest uses it to
// check the line editor's echo inside the kernel, where there is no other place to look at output.
// Bytes past the capacity are dropped; the checks compare the whole output, so a drop shows up there.
using System;

namespace KernelStress.Shell;

internal sealed class CaptureSink : TextSink
{
    private readonly byte[] _buffer;
    private int _length;

    public CaptureSink(int capacity)
    {
        _buffer = new byte[capacity];
    }

    public ReadOnlySpan<byte> Written => new ReadOnlySpan<byte>(_buffer, 0, _length);

    public void Clear() => _length = 0;

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length && _length < _buffer.Length; i++)
        {
            _buffer[_length++] = bytes[i];
        }
    }
}
