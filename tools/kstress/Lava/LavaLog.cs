using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KernelStress.Tool.Lava;

/// <summary>
/// A LAVA job log: the one <c>{"dt", "lvl", "msg"}</c> object per line that <c>lava-run</c> prints,
/// or the YAML list of the same objects a LAVA server serves (<c>- {...}</c> per line, or block
/// entries). The device's UART is in the <c>target</c> messages, and in <c>feedback</c> ones for
/// what LAVA read after a test ended (the rest of a line a failure pattern matched in). LAVA's
/// logger drops carriage returns and escape characters, folds blank lines, and writes every
/// double quote as \" (shell.py's ShellLogger), which <see cref="Unescape"/> undoes exactly:
/// each quote LAVA escaped follows the backslash it added.
/// The job's own result (<c>definition: lava, case: job</c>) failing for a reason of LAVA's
/// (infrastructure, configuration, the job definition, a timeout) is a problem of the run; a
/// "Test" error is the job's interactive test stopping on a panic, which the UART itself shows.
/// </summary>
public sealed record LavaLog(byte[] Uart, IReadOnlyList<string> Problems)
{
    private static readonly IDeserializer s_yaml = new DeserializerBuilder().WithTagMapping("!", typeof(string)).Build();

    /// <summary>Whether a log begins like a LAVA log (its first entry, after any blank space).</summary>
    public static bool Looks(ReadOnlySpan<byte> start)
    {
        ReadOnlySpan<byte> text = start.TrimStart(" \t\r\n"u8);
        return text.StartsWith("{\"dt\""u8) || text.StartsWith("- {\"dt\""u8) || text.StartsWith("- dt:"u8);
    }

    /// <summary>Reads a whole LAVA log; an entry that is not LAVA's shape is a usage error naming its line.</summary>
    public static LavaLog Read(string text)
    {
        var uart = new StringBuilder();
        var problems = new List<string>();
        foreach (Dictionary<string, object> entry in Entries(text))
        {
            string level = entry.TryGetValue("lvl", out object? lvl) ? lvl as string ?? "" : "";
            object? message = entry.GetValueOrDefault("msg");
            if (level is "target" or "feedback" && message is string line)
            {
                uart.Append(Unescape(line)).Append('\n');
            }
            else if (level == "results" && message is Dictionary<object, object> result && JobFailure(result) is { } failure)
            {
                problems.Add(failure);
            }
        }
        return new LavaLog(Encoding.UTF8.GetBytes(uart.ToString()), problems);
    }

    public static string Unescape(string line) => line.Replace("\\\"", "\"");

    private static string? JobFailure(Dictionary<object, object> result)
    {
        string Field(string key) => result.TryGetValue(key, out object? value) ? value as string ?? "" : "";
        if (Field("definition") != "lava" || Field("case") != "job" || Field("result") != "fail" || Field("error_type") == "Test")
        {
            return null;
        }
        string type = Field("error_type");
        return $"LAVA: the job failed ({(type.Length > 0 ? type : "no error type")} error): {Field("error_msg").Trim().ReplaceLineEndings(" ")}";
    }

    private static IEnumerable<Dictionary<string, object>> Entries(string text)
    {
        if (text.TrimStart().StartsWith('-'))
        {
            List<Dictionary<string, object>>? list;
            try
            {
                list = s_yaml.Deserialize<List<Dictionary<string, object>>>(text);
            }
            catch (YamlException e)
            {
                throw new KstressException(ExitCode.Usage, $"the LAVA log is not a YAML list of log entries (line {e.Start.Line}: {e.Message}): give the log as the server serves it (lavacli jobs logs --raw) or as lava-run prints it");
            }
            foreach (Dictionary<string, object> entry in list ?? new())
            {
                yield return entry;
            }
            yield break;
        }
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            // Not an entry: what else shared the stream (lava-run's stdout with its stderr, a shell's timing line).
            if (!lines[i].TrimStart().StartsWith('{'))
            {
                continue;
            }
            Dictionary<string, object>? entry;
            try
            {
                entry = s_yaml.Deserialize<Dictionary<string, object>>(lines[i]);
            }
            catch (YamlException e)
            {
                throw new KstressException(ExitCode.Usage, $"line {i + 1} of the LAVA log is not a {{\"dt\", \"lvl\", \"msg\"}} entry ({e.Message}): give the log as lava-run prints it, one entry per line");
            }
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// The UART stream of <paramref name="input"/> and the problems LAVA reported: a LAVA log is read
    /// whole and replaced by its UART lines; any other input is passed through unchanged.
    /// </summary>
    public static async System.Threading.Tasks.Task<(Stream Uart, IReadOnlyList<string> Problems)> UnwrapAsync(Stream input, System.Threading.CancellationToken cancellationToken)
    {
        byte[] start = new byte[256];
        int length = 0, n;
        while (length < start.Length && (n = await input.ReadAsync(start.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += n;
            if (start.AsSpan(0, length).TrimStart(" \t\r\n"u8).Length >= 8)
            {
                break;
            }
        }
        if (!Looks(start.AsSpan(0, length)))
        {
            return (new ReplayStream(start.AsMemory(0, length), input), Array.Empty<string>());
        }
        using var whole = new MemoryStream();
        whole.Write(start, 0, length);
        await input.CopyToAsync(whole, cancellationToken).ConfigureAwait(false);
        LavaLog log = Read(Encoding.UTF8.GetString(whole.ToArray()));
        return (new MemoryStream(log.Uart), log.Problems);
    }
}
