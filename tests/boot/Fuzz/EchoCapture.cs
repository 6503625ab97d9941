using System;
using System.Collections.Generic;
using KernelStress.Shell;

namespace KernelStress.Boot.Tests.Fuzz;

/// <summary>Collects what the host's LineEditor echoes, as the kernel's UART would send it.</summary>
public sealed class EchoCapture : TextSink
{
    private readonly List<byte> _bytes = new();

    /// <summary>The bytes echoed since the last call, which it clears.</summary>
    public byte[] Take()
    {
        byte[] taken = _bytes.ToArray();
        _bytes.Clear();
        return taken;
    }

    public override void Write(ReadOnlySpan<byte> bytes) => _bytes.AddRange(bytes.ToArray());
}
