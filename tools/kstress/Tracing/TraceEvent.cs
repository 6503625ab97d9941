using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// One event of the Chrome trace-event format (the JSON that ui.perfetto.dev and chrome://tracing open):
/// <c>ph</c> is X (a span with <c>dur</c>), i (an instant, <c>s</c> its scope), C (counter values in
/// <c>args</c>) or M (metadata: a process or track name). <c>ts</c> and <c>dur</c> are microseconds.
/// Every track is one CPU: <c>pid</c> is the kernel, <c>tid</c> the CPU index.
/// </summary>
public sealed record TraceEvent
{
    public required string Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cat { get; init; }

    public required string Ph { get; init; }

    public double Ts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Dur { get; init; }

    public int Pid { get; init; } = ChromeTrace.KernelPid;

    public int Tid { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? S { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, object>? Args { get; init; }
}
