using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Uart;

namespace KernelStress.Boot.Tests.Fuzz;

/// <summary>The outcome of a fuzz run: how many cases went to the kernel, and the first failure if any.</summary>
public sealed record FuzzOutcome(int Sent, int Skipped, int CommandsRun, string? Failure, JsonElement MemBefore, JsonElement MemAfter);

/// <summary>
/// Types generated lines at a booted kernel and checks each answer: a line the grammar or the line editor rejects
/// must come back exactly as the host model predicts (the error line and the prompt); a command it runs must bring
/// the prompt back (checked with a marker echoed after it); no panic ever; the heap ends where it started
/// (`mem` before and after). The first failure stops the run and is saved as a reproducer file: the failing
/// case alone when it also fails on a freshly booted kernel, else the last 20 cases sent.
/// </summary>
public sealed class ShellFuzzer
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private readonly MachineProfile _profile;
    private readonly string _imagePath;

    public ShellFuzzer(MachineProfile profile, string imagePath)
    {
        _profile = profile;
        _imagePath = imagePath;
    }

    public async Task<FuzzOutcome> RunAsync(int seed, int lines, string reproducerDirectory)
    {
        var generator = new ShellLineGenerator(seed);
        await using RawConsole console = await RawConsole.BootAsync(_profile, _imagePath, 1);
        // The first command after boot may allocate once (class constructors run on
        // first use); the baseline is taken after one warm-up `mem`.
        await MemAsync(console);
        JsonElement before = await MemAsync(console);
        var recent = new Queue<byte[]>();
        int sent = 0, skipped = 0, commands = 0;
        // `lines` counts the lines sent; generated lines that may not be sent are drawn again.
        for (int i = 0; sent < lines; i++)
        {
            byte[] line = generator.Next();
            CasePrediction prediction = ShellModel.Predict(line);
            if (!prediction.Send)
            {
                skipped++;
                continue;
            }
            recent.Enqueue(line);
            if (recent.Count > 20)
            {
                recent.Dequeue();
            }
            string? failure = await CheckAsync(console, line, prediction, i);
            sent++;
            commands += prediction.RunsCommand ? 1 : 0;
            if (failure is not null)
            {
                IEnumerable<byte[]> cases = await FailsAloneAsync(line, prediction, i) ? new[] { line } : recent;
                string file = SaveReproducer(reproducerDirectory, seed, i, cases, failure, console);
                return new FuzzOutcome(sent, skipped, commands, $"case {i} (seed {seed}): {failure}; reproducer: {file}", before, before);
            }
        }
        JsonElement after = await MemAsync(console);
        return new FuzzOutcome(sent, skipped, commands, null, before, after);
    }

    // Minimising: does the failing case fail on a fresh kernel by itself? Then it alone is the reproducer.
    private async Task<bool> FailsAloneAsync(byte[] line, CasePrediction prediction, int index)
    {
        await using RawConsole fresh = await RawConsole.BootAsync(_profile, _imagePath, 1);
        return await CheckAsync(fresh, line, prediction, index) is not null;
    }

    private static async Task<string?> CheckAsync(RawConsole console, byte[] line, CasePrediction prediction, int index)
    {
        await console.SendAsync(line);
        byte[]? answer = await console.ReadExactlyAsync(prediction.Expected.Length, AnswerTimeout);
        if (answer is null)
        {
            return "no answer within 15 s";
        }
        if (!answer.AsSpan().SequenceEqual(prediction.Expected))
        {
            return $"the kernel answered {Escape(answer)} where the host model predicts {Escape(prediction.Expected)}";
        }
        if (!prediction.RunsCommand)
        {
            return null;
        }
        byte[] marker = Encoding.ASCII.GetBytes($"\r\nFUZZSYNC{index}\r\nks> ");
        await console.SendAsync(Encoding.ASCII.GetBytes($"echo FUZZSYNC{index}\r"));
        byte[]? output = await console.ReadThroughAsync(marker, AnswerTimeout);
        if (output is null)
        {
            return "the command did not bring the prompt back within 15 s";
        }
        string text = Encoding.Latin1.GetString(output);
        return text.Contains("PANIC", StringComparison.Ordinal) || text.Contains("\"type\":\"panic\"", StringComparison.Ordinal)
            ? "the kernel panicked" : null;
    }

    private static async Task<JsonElement> MemAsync(RawConsole console)
    {
        await console.SendAsync("mem\r"u8.ToArray());
        byte[]? output = await console.ReadThroughAsync("\r\nks> "u8.ToArray(), AnswerTimeout)
            ?? throw new InvalidOperationException("mem did not answer within 15 s");
        var parser = new UartStreamParser();
        return parser.Feed(output).Concat(parser.Complete()).OfType<RecordReceived>()
            .Select(r => r.Record.Body).Single(b => b.GetProperty("type").GetString() == "mem");
    }

    private static string SaveReproducer(string directory, int seed, int index, IEnumerable<byte[]> recent, string failure, RawConsole console)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"shell-fuzz-seed{seed}-case{index}.txt");
        var text = new StringBuilder();
        text.AppendLine($"# shell fuzz failure, seed {seed}, case {index}: {failure}");
        text.AppendLine("# the cases to replay, oldest first, one per line as C-escaped bytes; the last one failed");
        text.AppendLine("# (a single case when it also failed alone on a freshly booted kernel).");
        text.AppendLine("# replay: type them at ks> in this order (each ends with \\r).");
        foreach (byte[] line in recent)
        {
            text.AppendLine(Escape(line));
        }
        text.AppendLine("# the kernel's last output:");
        text.AppendLine(Escape(console.Transcript.TakeLast(2048).ToArray()));
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static string Escape(IReadOnlyList<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in bytes)
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:x2}",
            });
        }
        return text.Append('"').ToString();
    }
}
