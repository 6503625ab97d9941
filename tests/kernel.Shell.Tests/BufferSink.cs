// A growable TextSink for host tests: keeps every byte written and counts Write calls.
using System;
using System.Collections.Generic;
using System.Text;

namespace KernelStress.Shell.Tests;

internal sealed class BufferSink : TextSink
{
    private readonly List<byte> _bytes = new();

    public int WriteCalls { get; private set; }

    public byte[] Bytes => _bytes.ToArray();

    /// <summary>The bytes as Latin-1 text: one char per byte, so non-ASCII bytes stay visible.</summary>
    public string Text => Encoding.Latin1.GetString(Bytes);

    public void Clear()
    {
        _bytes.Clear();
        WriteCalls = 0;
    }

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        WriteCalls++;
        _bytes.AddRange(bytes.ToArray());
    }
}
