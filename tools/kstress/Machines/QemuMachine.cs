using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace KernelStress.Tool.Machines;

/// <summary>
/// A QEMU process with its stdin/stdout as the UART (-serial stdio). A pump task copies stdout
/// into a channel so reads can time out; stderr is collected for messages.
///
/// No orphans: every machine is killed in <see cref="DisposeAsync"/>, and machines still alive
/// when the tool's process exits (Ctrl-C, SIGTERM, an unexpected exception) are killed by a
/// ProcessExit hook. Ctrl-C from a terminal also reaches QEMU itself (same process group).
/// </summary>
public sealed class QemuMachine : IMachine
{
    private static readonly ConcurrentDictionary<QemuMachine, byte> s_live = new();
    private static int s_hooked;

    private const int StackWordsRead = 16;
    private const int RegisterSamples = 5;
    private static readonly TimeSpan s_sampleGap = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly string? _monitorSocket;
    private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private int _killed;

    private QemuMachine(Process process, string? monitorSocket)
    {
        _process = process;
        _monitorSocket = monitorSocket;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public static IMachineLauncher Launcher { get; } = new QemuLauncher();

    public string ErrorOutput
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static QemuMachine Start(QemuCommandLine commandLine)
    {
        if (Interlocked.Exchange(ref s_hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }

        Process process = commandLine.Start(redirect: true);

        var machine = new QemuMachine(process, commandLine.MonitorSocket);
        s_live.TryAdd(machine, 0);
        return machine;
    }

    public ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken) => ReadCoreAsync(cancellationToken);

    private async ValueTask<byte[]?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        if (await _output.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _output.Reader.TryRead(out byte[]? chunk))
        {
            return chunk;
        }
        return null;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            Stream stdin = _process.StandardInput.BaseStream;
            await stdin.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // QEMU has exited and closed its stdin; the reader sees the end of the output and
            // reports the exit, which says more than a broken pipe.
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) != 0)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Through the QMP socket: <see cref="RegisterSamples"/> rounds of <c>info registers -a</c>
    /// <see cref="s_sampleGap"/> apart, then the top <see cref="StackWordsRead"/> words at each
    /// CPU's stack pointer (the kernel maps memory 1:1, so QEMU's physical read is the virtual
    /// address). Never throws: a QEMU that does not answer gives the reason.
    /// </summary>
    public async Task<CpuCapture> CaptureCpusAsync(CancellationToken cancellationToken)
    {
        if (_monitorSocket is null)
        {
            return CpuCapture.Unsupported;
        }
        try
        {
            await using QemuMonitor monitor = await QemuMonitor.ConnectAsync(_monitorSocket, cancellationToken).ConfigureAwait(false);
            var rounds = new List<IReadOnlyList<(int Index, IReadOnlyDictionary<string, ulong> Registers)>>();
            for (int i = 0; i < RegisterSamples; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(s_sampleGap, cancellationToken).ConfigureAwait(false);
                }
                rounds.Add(RegisterDump.Parse(await monitor.HumanCommandAsync("info registers -a", cancellationToken).ConfigureAwait(false)));
            }
            var cpus = new List<CpuSnapshot>();
            foreach ((int index, IReadOnlyDictionary<string, ulong> registers) in rounds[^1])
            {
                ulong sp = registers.GetValueOrDefault("RSP", registers.GetValueOrDefault("SP"));
                string stack = await monitor.HumanCommandAsync($"xp /{StackWordsRead}gx 0x{sp:x}", cancellationToken).ConfigureAwait(false);
                List<IReadOnlyDictionary<string, ulong>> samples = rounds.SelectMany(r => r.Where(c => c.Index == index).Select(c => c.Registers)).ToList();
                if (registers.TryGetValue("PC", out _))
                {
                    samples = await WithWaitStatesAsync(monitor, samples, cancellationToken).ConfigureAwait(false);
                }
                cpus.Add(RegisterDump.Snapshot(index, samples, RegisterDump.Words(stack)));
            }
            return new CpuCapture(cpus, cpus.Count == 0 ? "QEMU's 'info registers -a' listed no CPU" : null);
        }
        catch (OperationCanceledException)
        {
            return new CpuCapture(Array.Empty<CpuSnapshot>(), $"QEMU's monitor ({_monitorSocket}) did not give the CPUs' state in time");
        }
        catch (Exception e) when (e is IOException or SocketException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return new CpuCapture(Array.Empty<CpuSnapshot>(), $"could not read the CPUs through QEMU's monitor ({_monitorSocket}): {e.Message}");
        }
    }

    /// <summary>arm64: each sample with whether its CPU waited in WFI (the word before its PC, read once per distinct PC).</summary>
    private static async Task<List<IReadOnlyDictionary<string, ulong>>> WithWaitStatesAsync(
        QemuMonitor monitor, List<IReadOnlyDictionary<string, ulong>> samples, CancellationToken cancellationToken)
    {
        var wordBefore = new Dictionary<ulong, ulong>();
        var marked = new List<IReadOnlyDictionary<string, ulong>>();
        foreach (IReadOnlyDictionary<string, ulong> sample in samples)
        {
            ulong pc = sample["PC"];
            if (!wordBefore.TryGetValue(pc, out ulong word))
            {
                string dump = await monitor.HumanCommandAsync($"xp /1gx 0x{pc - 4:x}", cancellationToken).ConfigureAwait(false);
                word = wordBefore[pc] = RegisterDump.Words(dump).FirstOrDefault();
            }
            marked.Add(RegisterDump.WithWaitState(sample, word));
        }
        return marked;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        s_live.TryRemove(this, out _);
        _process.Dispose();
        if (_monitorSocket is not null)
        {
            File.Delete(_monitorSocket);
        }
    }

    private async Task PumpStdoutAsync()
    {
        byte[] buffer = new byte[4096];
        try
        {
            Stream stdout = _process.StandardOutput.BaseStream;
            int n;
            while ((n = await stdout.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                _output.Writer.TryWrite(buffer.AsSpan(0, n).ToArray());
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _output.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        char[] buffer = new char[1024];
        try
        {
            int n;
            while ((n = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, n);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static void KillAll()
    {
        foreach (QemuMachine machine in s_live.Keys)
        {
            machine.Kill();
        }
    }

    private sealed class QemuLauncher : IMachineLauncher
    {
        public IMachine Start(QemuCommandLine commandLine) => QemuMachine.Start(commandLine);
    }
}
