using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace KernelStress.Tool.Machines;

/// <summary>
/// A client of QEMU's machine protocol (QMP) on a unix socket (<c>-qmp unix:PATH,server=on,wait=off</c>):
/// JSON objects one per line; QEMU greets, the client enables commands with qmp_capabilities,
/// then each command gets a "return" or an "error" (asynchronous "event" lines in between are
/// skipped). Only human-monitor-command is used: its text is what <c>info registers</c> and
/// <c>x</c> print at QEMU's own monitor prompt.
/// </summary>
public sealed class QemuMonitor : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private QemuMonitor(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public static async Task<QemuMonitor> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var monitor = new QemuMonitor(socket);
        try
        {
            (await monitor.ReadReplyAsync(cancellationToken).ConfigureAwait(false)).Dispose(); // the greeting
            (await monitor.ExecuteAsync("qmp_capabilities", null, cancellationToken).ConfigureAwait(false)).Dispose();
            return monitor;
        }
        catch
        {
            await monitor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What a human monitor command prints, e.g. "info registers -a".</summary>
    public async Task<string> HumanCommandAsync(string commandLine, CancellationToken cancellationToken)
    {
        using JsonDocument reply = await ExecuteAsync("human-monitor-command", commandLine, cancellationToken).ConfigureAwait(false);
        return reply.RootElement.GetProperty("return").GetString() ?? "";
    }

    private async Task<JsonDocument> ExecuteAsync(string command, string? humanCommandLine, CancellationToken cancellationToken)
    {
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("execute", command);
                if (humanCommandLine is not null)
                {
                    writer.WriteStartObject("arguments");
                    writer.WriteString("command-line", humanCommandLine);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            await _stream.WriteAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        while (true)
        {
            JsonDocument reply = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (reply.RootElement.TryGetProperty("return", out _))
            {
                return reply;
            }
            if (reply.RootElement.TryGetProperty("error", out JsonElement error))
            {
                string why = error.TryGetProperty("desc", out JsonElement desc) ? desc.GetString() ?? "" : error.GetRawText();
                reply.Dispose();
                throw new IOException($"QEMU refused {command}: {why}");
            }
            reply.Dispose(); // an event
        }
    }

    private async Task<JsonDocument> ReadReplyAsync(CancellationToken cancellationToken)
    {
        string? line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new IOException("QEMU closed its monitor socket");
        return JsonDocument.Parse(line);
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
