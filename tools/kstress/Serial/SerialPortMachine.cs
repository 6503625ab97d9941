using System;
using System.IO;
using System.IO.Ports;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Serial;

/// <summary>
/// A board on a serial port (a USB serial cable, or QEMU's <c>-serial pty</c>) as the session runner
/// sees a machine: the port's bytes each way. A pump thread does blocking reads with a short
/// timeout into a channel, so reads can be cancelled; unplugging the cable ends the output. A board
/// has no exit code: <see cref="WaitForExitAsync"/> only ends when cancelled. Disposing closes the port.
/// </summary>
public sealed class SerialPortMachine : IMachine
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly SerialPort _port;
    private readonly Channel<byte[]> _input = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Thread _pump;
    private string _error = "";
    private int _killed;

    private SerialPortMachine(SerialPort port)
    {
        _port = port;
        _pump = new Thread(Pump) { IsBackground = true, Name = $"serial {port.PortName}" };
        _pump.Start();
    }

    public string ErrorOutput => Volatile.Read(ref _error);

    /// <summary>Opens <paramref name="device"/> at <paramref name="baud"/> 8N1 without flow control; a port that cannot be opened is infrastructure trouble.</summary>
    public static SerialPortMachine Open(string device, int baud)
    {
        if (!File.Exists(device))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"serial port {device} does not exist: check the device name (ls /dev/ttyUSB* /dev/ttyACM*) and that the cable is plugged in");
        }
        var port = new SerialPort(device, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = (int)s_pollInterval.TotalMilliseconds,
            WriteTimeout = 5000,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new KstressException(ExitCode.Infrastructure,
                $"cannot open serial port {device}: {e.Message}: check the device name (ls /dev/ttyUSB* /dev/ttyACM*) and that you may use it (group dialout)");
        }
        return new SerialPortMachine(port);
    }

    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _input.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_input.Reader.TryRead(out byte[]? chunk))
            {
                return chunk;
            }
        }
        return null;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await _port.BaseStream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await _port.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
        {
            throw new KstressException(ExitCode.Infrastructure, $"cannot write to serial port {_port.PortName}: {e.Message}: check the cable");
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        throw new OperationCanceledException(cancellationToken);
    }

    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            _port.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _pump.Join();
        _port.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Pump()
    {
        byte[] buffer = new byte[4096];
        while (Volatile.Read(ref _killed) == 0)
        {
            int count;
            try
            {
                count = _port.Read(buffer, 0, buffer.Length);
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
            {
                if (Volatile.Read(ref _killed) == 0)
                {
                    Volatile.Write(ref _error, $"serial port {_port.PortName} failed: {e.Message}");
                }
                break;
            }
            if (count > 0)
            {
                _input.Writer.TryWrite(buffer.AsSpan(0, count).ToArray());
            }
        }
        _input.Writer.TryComplete();
    }
}
