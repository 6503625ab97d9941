// A TextSink that discards everything without allocating: for the zero-allocation tests.
using System;

namespace KernelStress.Shell.Tests;

internal sealed class NullSink : TextSink
{
    public long BytesWritten { get; private set; }

    public override void Write(ReadOnlySpan<byte> bytes) => BytesWritten += bytes.Length;
}
