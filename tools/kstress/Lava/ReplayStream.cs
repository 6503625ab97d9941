using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KernelStress.Tool.Lava;

/// <summary>A read-only stream that gives back bytes already read from <c>rest</c> before reading on from it (a peek at a pipe's start).</summary>
public sealed class ReplayStream(ReadOnlyMemory<byte> replay, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _replay = replay;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_replay.IsEmpty)
        {
            return rest.Read(buffer);
        }
        int n = Math.Min(buffer.Length, _replay.Length);
        _replay.Span[..n].CopyTo(buffer);
        _replay = _replay[n..];
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _replay.IsEmpty ? await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) : Read(buffer.Span);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

}
