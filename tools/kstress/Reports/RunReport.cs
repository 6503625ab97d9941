using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Reports;

/// <summary>
/// The outcome of one session (<c>run</c>) or one captured log (<c>parse</c>), in the shape every
/// output format renders. JSON field names are the snake_case of these properties, in this order
/// (Reports/ReportJsonContext.cs). Schema 1:
/// <code>
/// {"schema":1,"verdict":"PASS|FAIL|ERROR","error":null|"why ERROR","boot_ms":N|null,"seed":N|null,
///  "qemu_exit_code":N|null,"commands":[{"command":"...","errors":["error: ..."],"duration_ms":N|null}],
///  "results":[result records],"records":[every trusted record],"corrupt":[{"line":N,"reason":"..."}],
///  "crashes":[fault and panic records symbolized, see Crashes/CrashReport.cs],
///  "hung_cpus":[after a hang or a missing prompt, each CPU as QEMU saw it, see Crashes/HungCpu.cs]}
/// </code>
/// </summary>
public sealed record RunReport
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>PASS, FAIL (a command error or a FAIL result) or ERROR (the run could not be judged).</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Why the verdict is ERROR (problems joined with "; "); null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>Host-measured milliseconds from QEMU start to the first prompt; null for parse.</summary>
    public long? BootMs { get; init; }

    /// <summary>The seed run appended to stresstest commands (--seed, or one per --repeat session); null when it added none.</summary>
    public ulong? Seed { get; init; }

    /// <summary>QEMU's exit code; null for parse, or when QEMU had to be killed.</summary>
    public int? QemuExitCode { get; init; }

    public required List<CommandOutcome> Commands { get; init; }

    /// <summary>The records of type "result" (also present in <see cref="Records"/>).</summary>
    public required List<JsonElement> Results { get; init; }

    /// <summary>Every trusted record, in stream order.</summary>
    public required List<JsonElement> Records { get; init; }

    public required List<CorruptFinding> Corrupt { get; init; }

    /// <summary>Each fault and panic record with its addresses resolved and its code disassembled.</summary>
    public List<CrashReport> Crashes { get; init; } = new();

    /// <summary>When the kernel stopped answering under QEMU: each CPU's state read through QEMU's monitor, symbolized.</summary>
    public List<HungCpu> HungCpus { get; init; } = new();

    /// <summary>Why the verdict is FAIL, one line per reason: each error line of a command, each FAIL result.</summary>
    public IEnumerable<string> FailureLines() => FailureLines(Commands, Records);

    /// <summary>
    /// Why the run failed: each error line a command answered, and each record that carries a verdict of FAIL
    /// (a stress <c>result</c>, a <c>selftest</c> suite; records without a verdict are ignored).
    /// </summary>
    public static IEnumerable<string> FailureLines(IEnumerable<CommandOutcome> commands, IEnumerable<JsonElement> records)
    {
        foreach (CommandOutcome command in commands)
        {
            foreach (string error in command.Errors)
            {
                yield return $"'{command.Command}' answered: {error}";
            }
        }
        foreach (JsonElement record in records)
        {
            if (record.TryGetProperty("verdict", out JsonElement verdict) && verdict.ValueKind == JsonValueKind.String && verdict.GetString() == "FAIL")
            {
                string type = record.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "record" : "record";
                yield return $"{type} FAIL: {RecordText.Compact(record)}";
            }
        }
    }

    [JsonIgnore]
    public ExitCode ExitCode => Verdict switch
    {
        Verdict.Pass => ExitCode.Pass,
        Verdict.Fail => ExitCode.TestFailure,
        _ => ExitCode.Infrastructure,
    };
}

/// <summary>One command typed at the prompt, the error lines it got, and how long it took to the next prompt.</summary>
public sealed class CommandOutcome
{
    public required string Command { get; init; }

    public List<string> Errors { get; } = new();

    public long? DurationMs { get; set; }

    /// <summary>False when the prompt never came back after this command (a hang, a panic, QEMU died).</summary>
    [JsonIgnore]
    public bool Answered { get; set; } = true;

    /// <summary>The trusted records that arrived while this command ran (not part of the JSON: "records" has them all).</summary>
    [JsonIgnore]
    public List<UartRecord> Records { get; } = new();
}

public enum Verdict
{
    [JsonStringEnumMemberName("PASS")]
    Pass,

    [JsonStringEnumMemberName("FAIL")]
    Fail,

    [JsonStringEnumMemberName("ERROR")]
    Error,

    /// <summary>The kernel stopped answering: a command's prompt never came and nothing was printed meanwhile.</summary>
    [JsonStringEnumMemberName("HANG")]
    Hang,
}
