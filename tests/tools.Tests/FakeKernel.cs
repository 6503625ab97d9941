using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Tests;

/// <summary>
/// A scripted stand-in for QEMU + kernel behind <see cref="IMachine"/>: it echoes typed
/// characters, answers "\r"-terminated commands from <see cref="Commands"/> (unknown ones get an
/// error line), prints the prompt after each answer, and on poweroff prints a bye record and
/// exits 33. Tests change the script to produce hangs, deaths, panics and corrupt records.
/// </summary>
public sealed class FakeKernel : IMachine, IMachineLauncher
{
    private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _typed = new();
    private long _seq;

    public FakeKernel()
    {
        Commands["help"] = k => k.Print("help      list commands\r\nversion   print the version\r\necho      print its arguments\r\npoweroff  power off\r\n");
        Commands["version"] = k => k.Print("KernelStress 0.1.0 x64\r\n");
        Commands["records"] = k => k.Print("records: on (each record framed with its length and CRC-32, for programs)\r\n");
        Commands["poweroff"] = k =>
        {
            k.Record("{\"type\":\"bye\",\"seq\":%SEQ%}");
            k.Exit(33);
        };
        Boot = k =>
        {
            k.Print("\0\0garbage before boot\x1b[2J\r\nKernelStress booting\r\n");
            k.Record("{\"type\":\"boot\",\"seq\":%SEQ%,\"schema\":1,\"arch\":\"x64\",\"version\":\"0.1.0\",\"memory_bytes\":134217728,\"cpus\":1,\"boot_ms\":3}");
            k.Prompt();
        };
    }

    /// <summary>What happens at start-up (default: noise, a boot record, the prompt).</summary>
    public Action<FakeKernel> Boot { get; set; }

    /// <summary>Command name (first word) to its behaviour; the prompt follows unless the behaviour exits or hangs.</summary>
    public Dictionary<string, Action<FakeKernel>> Commands { get; } = new();

    /// <summary>When false the behaviour already printed the prompt, or must not (a hang).</summary>
    public bool PromptAfterCommand { get; set; } = true;

    public QemuCommandLine? StartedWith { get; private set; }

    public List<string> Received { get; } = new();

    public bool Killed { get; private set; }

    public string ErrorOutput { get; set; } = "";

    public IMachine Start(QemuCommandLine commandLine)
    {
        StartedWith = commandLine;
        Boot(this);
        return this;
    }

    public void Print(string text) => _output.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

    public void Prompt() => Print(UartStreamParser.Prompt);

    /// <summary>Prints a framed record; %SEQ% in the JSON becomes the next seq.</summary>
    public void Record(string json) => Print(RecordFrame.Encode(json.Replace("%SEQ%", (_seq++).ToString())) + "\r\n");

    public void SkipSeq() => _seq++;

    public void Exit(int code)
    {
        _output.Writer.TryComplete();
        _exit.TrySetResult(code);
    }

    /// <summary>Stops answering: no output, no exit.</summary>
    public void Hang() => PromptAfterCommand = false;

    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        if (await _output.Reader.WaitToReadAsync(cancellationToken) && _output.Reader.TryRead(out byte[]? chunk))
        {
            return chunk;
        }
        return null;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        foreach (byte b in data.Span)
        {
            if (_exit.Task.IsCompleted)
            {
                break;
            }
            if (b == (byte)'\r')
            {
                Print("\r\n");
                string line = _typed.ToString();
                _typed.Clear();
                Received.Add(line);
                Answer(line);
            }
            else
            {
                _typed.Append((char)b);
                Print(((char)b).ToString());
            }
        }
        return ValueTask.CompletedTask;
    }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _exit.Task.WaitAsync(cancellationToken);

    public void Kill()
    {
        if (!_exit.Task.IsCompleted)
        {
            Killed = true;
            Exit(137);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Answer(string line)
    {
        string name = line.Trim().Split(' ')[0];
        if (name.Length == 0)
        {
            Prompt();
            return;
        }
        if (Commands.TryGetValue(name, out Action<FakeKernel>? behaviour))
        {
            behaviour(this);
        }
        else
        {
            Print($"error: unknown command '{name}'; type 'help' for the list\r\n");
        }
        if (PromptAfterCommand && !_exit.Task.IsCompleted)
        {
            Prompt();
        }
    }
}
