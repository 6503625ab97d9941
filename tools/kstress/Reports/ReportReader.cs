using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Results;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Reports;

/// <summary>One session read back from a file, and where it came from (for messages: "out.json run 2").</summary>
public sealed record LoadedRun(string Source, RunReport Report);

/// <summary>
/// Reads what validate and report take: a run/parse JSON report (one session), a run --repeat
/// JSON report (its sessions), or a raw UART log (parsed as <c>parse</c> does). A missing or
/// unreadable file, or a JSON file that is neither report shape, is a one-line usage error.
/// </summary>
public static class ReportReader
{
    public static async Task<List<LoadedRun>> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var runs = new List<LoadedRun>();
        foreach (string path in paths)
        {
            runs.AddRange(await LoadAsync(path, cancellationToken).ConfigureAwait(false));
        }
        return runs;
    }

    public static async Task<List<LoadedRun>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Usage, $"cannot read '{path}': {e.Message}: pass a JSON report from run/parse or a UART log");
        }

        if (LooksLikeJson(bytes) && TryParse(bytes) is JsonDocument document)
        {
            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.TryGetProperty("runs", out JsonElement runs) && runs.ValueKind == JsonValueKind.Array)
                {
                    return runs.EnumerateArray().Select((run, i) => new LoadedRun($"{path} run {i + 1}", FromJson(run))).ToList();
                }
                if (root.TryGetProperty("records", out JsonElement records) && records.ValueKind == JsonValueKind.Array)
                {
                    return new List<LoadedRun> { new(path, FromJson(root)) };
                }
                throw new KstressException(ExitCode.Usage, $"'{path}' is JSON but not a kstress report (no \"records\" or \"runs\"): pass the file run --json or parse wrote, or the UART log");
            }
        }
        RunReport report = await UartLog.ParseAsync(new MemoryStream(bytes, writable: false), cancellationToken).ConfigureAwait(false);
        return new List<LoadedRun> { new(path, report) };
    }

    private static bool LooksLikeJson(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            return b == (byte)'{';
        }
        return false;
    }

    private static JsonDocument? TryParse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A session report from its JSON form; crashes are symbolized again from the records.</summary>
    private static RunReport FromJson(JsonElement run)
    {
        List<JsonElement> records = run.TryGetProperty("records", out JsonElement r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.Clone()).ToList()
            : new List<JsonElement>();
        var commands = new List<CommandOutcome>();
        if (run.TryGetProperty("commands", out JsonElement c) && c.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement command in c.EnumerateArray())
            {
                var outcome = new CommandOutcome { Command = Json.String(command, "command") ?? "", DurationMs = Json.Long(command, "duration_ms") };
                if (command.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    outcome.Errors.AddRange(errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }
                commands.Add(outcome);
            }
        }
        var corrupt = new List<CorruptFinding>();
        if (run.TryGetProperty("corrupt", out JsonElement k) && k.ValueKind == JsonValueKind.Array)
        {
            corrupt.AddRange(k.EnumerateArray().Select(f => new CorruptFinding((int)(Json.Long(f, "line") ?? 0), Json.String(f, "reason") ?? "")));
        }
        string? verdict = Json.String(run, "verdict");
        string arch = records.Select(e => Json.String(e, "arch")).FirstOrDefault(a => a is not null) ?? "x64";
        CrashSymbolizer? symbolizer = records.Any(e => CrashSymbolizer.IsCrash(Json.String(e, "type") ?? "")) ? KernelSymbols.For(arch, null) : null;
        return new RunReport
        {
            Verdict = verdict switch { "PASS" => Verdict.Pass, "FAIL" => Verdict.Fail, "HANG" => Verdict.Hang, _ => Verdict.Error },
            Error = Json.String(run, "error"),
            BootMs = Json.Long(run, "boot_ms"),
            Seed = run.TryGetProperty("seed", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetUInt64(out ulong seed) ? seed : null,
            QemuExitCode = (int?)Json.Long(run, "qemu_exit_code"),
            Commands = commands,
            Results = records.Where(e => Json.String(e, "type") == "result").ToList(),
            Records = records,
            Corrupt = corrupt,
            Crashes = records.Where(e => CrashSymbolizer.IsCrash(Json.String(e, "type") ?? "")).Select(e => symbolizer!.Symbolize(e)).ToList(),
        };
    }
}
