using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A kernel in QEMU driven byte by byte, not through the session runner (which waits for each prompt): what a
/// test types goes to the UART unchanged, even mid-command or as Ctrl-C, and what comes back is read as raw bytes
/// (no line parsing), so the fuzzer can compare the kernel's answer with the model's exactly. Every read is
/// bounded; disposing kills QEMU.
/// </summary>
public sealed class RawConsole : IAsyncDisposable
{
    private readonly IMachine _machine;
    private readonly List<byte> _pending = new();

    private RawConsole(IMachine machine)
    {
        _machine = machine;
    }

    private const int TranscriptLimit = 64 * 1024;

    /// <summary>The last 64 KiB read (for failure messages: what the kernel said last).</summary>
    public List<byte> Transcript { get; } = new();

    /// <summary>
    /// Boots the image and waits for the first prompt (an exception if it does not come in the
    /// profile's boot time). <paramref name="typedAhead"/> goes to the UART as QEMU starts, before
    /// the kernel runs: what a person types while it boots.
    /// </summary>
    public static async Task<RawConsole> BootAsync(MachineProfile profile, string imagePath, int cpus, string? typedAhead = null)
    {
        QemuCommandLine commandLine = QemuCommandLine.Create(profile, imagePath, profile.MemoryMb.Default, cpus, SerialMode.Stdio);
        var console = new RawConsole(QemuMachine.Launcher.Start(commandLine));
        if (typedAhead is not null)
        {
            await console.TypeAsync(typedAhead);
        }
        if (await console.ReadThroughAsync("\r\nks> "u8.ToArray(), TimeSpan.FromSeconds(profile.BootTimeoutSeconds)) is null)
        {
            await console.DisposeAsync();
            throw new InvalidOperationException($"no prompt within {profile.BootTimeoutSeconds} s of boot");
        }
        return console;
    }

    public ValueTask SendAsync(byte[] bytes) => _machine.WriteAsync(bytes, CancellationToken.None);

    public ValueTask TypeAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>The text up to and including <paramref name="marker"/>; fails the test, showing what came, when it does not come in time.</summary>
    public async Task<string> ExpectAsync(string marker, TimeSpan timeout)
    {
        byte[]? text = await ReadThroughAsync(Encoding.ASCII.GetBytes(marker), timeout);
        Xunit.Assert.True(text is not null, $"the kernel did not print '{marker}' within {timeout.TotalSeconds} s; it printed:\n{Encoding.Latin1.GetString(Transcript.ToArray())}");
        return Encoding.Latin1.GetString(text!);
    }

    public Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var cancel = new CancellationTokenSource(timeout);
        return _machine.WaitForExitAsync(cancel.Token);
    }

    /// <summary>The next <paramref name="count"/> bytes, or null when they did not all come within the timeout.</summary>
    public async Task<byte[]?> ReadExactlyAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (_pending.Count < count)
        {
            if (!await FillAsync(cancel.Token))
            {
                return null;
            }
        }
        return Take(count);
    }

    /// <summary>Everything up to and including <paramref name="marker"/>, or null on timeout or end of output.</summary>
    public async Task<byte[]?> ReadThroughAsync(byte[] marker, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            int at = IndexOf(marker);
            if (at >= 0)
            {
                return Take(at + marker.Length);
            }
            if (!await FillAsync(cancel.Token))
            {
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _machine.Kill();
        await _machine.DisposeAsync();
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            byte[]? chunk = await _machine.ReadAsync(cancellationToken);
            if (chunk is null)
            {
                return false;
            }
            _pending.AddRange(chunk);
            Transcript.AddRange(chunk);
            if (Transcript.Count > 2 * TranscriptLimit)
            {
                Transcript.RemoveRange(0, Transcript.Count - TranscriptLimit);
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private byte[] Take(int count)
    {
        byte[] taken = _pending.GetRange(0, count).ToArray();
        _pending.RemoveRange(0, count);
        return taken;
    }

    private int IndexOf(byte[] marker)
    {
        for (int i = 0; i + marker.Length <= _pending.Count; i++)
        {
            int j = 0;
            while (j < marker.Length && _pending[i + j] == marker[j])
            {
                j++;
            }
            if (j == marker.Length)
            {
                return i;
            }
        }
        return -1;
    }
}
