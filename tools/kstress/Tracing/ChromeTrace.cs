using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// A trace file in the Chrome trace-event JSON object form: <c>traceEvents</c>, the time unit Perfetto
/// shows, and in <c>otherData</c> what the kernel said about its rings (appended, dumped, lost per CPU).
/// </summary>
public sealed record ChromeTrace
{
    public const int KernelPid = 1;

    [JsonPropertyName("traceEvents")]
    public required List<TraceEvent> TraceEvents { get; init; }

    [JsonPropertyName("displayTimeUnit")]
    public string DisplayTimeUnit { get; init; } = "ns";

    [JsonPropertyName("otherData")]
    public required TraceSummary OtherData { get; init; }
}

/// <summary>The kernel's counts for one dump, and the events of each kind the file holds.</summary>
public sealed record TraceSummary
{
    public required string Arch { get; init; }

    public required int RingCapacity { get; init; }

    public required List<long> Appended { get; init; }

    public required List<long> Dumped { get; init; }

    public required List<long> Lost { get; init; }

    public required SortedDictionary<string, long> EventsByKind { get; init; }
}
