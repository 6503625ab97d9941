using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace KernelStress.Tool.Results;

/// <summary>
/// A <c>result</c> record read for formats, validation and charts (schema/result.schema.json).
/// Every quantity is nullable: when the kernel did not report it, it stays unknown (an empty CSV
/// cell, a skipped rule), it is never invented. A phase entry reads as a result of its own,
/// named "test/phase".
/// </summary>
public sealed class ResultRecord
{
    private ResultRecord(JsonElement body, string name, ResultRecord? parent)
    {
        Body = body;
        Name = name;
        Parent = parent;
        Counters = Json.Numbers(body, "counters").ToDictionary(p => p.Key, p => p.Value);
        AutonomyMetrics = Json.Numbers(body, "autonomy_metrics").ToDictionary(p => p.Key, p => p.Value);
        var histograms = new List<Histogram>();
        if (Json.Object(body, "histograms") is JsonElement all)
        {
            foreach (JsonProperty h in all.EnumerateObject())
            {
                if (h.Value.ValueKind == JsonValueKind.Object)
                {
                    histograms.Add(Histogram.From(h.Name, h.Value));
                }
            }
        }
        Histograms = histograms;
    }

    public JsonElement Body { get; }

    /// <summary>The test name ("memory", "bench_heap"), or "test/phase" for a phase.</summary>
    public string Name { get; }

    /// <summary>The result a phase belongs to; null for a result record.</summary>
    public ResultRecord? Parent { get; }

    public string Test => Parent?.Test ?? Json.String(Body, "test") ?? "result";

    public string? Args => Json.String(Parent?.Body ?? Body, "args");

    public ulong? Seed => (Parent?.Body ?? Body) is var b && b.TryGetProperty("seed", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetUInt64(out ulong seed) ? seed : null;

    /// <summary>PASS, PARTIAL or FAIL; a phase has its result's verdict.</summary>
    public string? Verdict => Json.String(Parent?.Body ?? Body, "verdict");

    public string? Reason => Json.String(Parent?.Body ?? Body, "reason");

    public long? DurationMs => Json.Long(Body, "duration_ms");

    public IReadOnlyDictionary<string, double> Counters { get; }

    public IReadOnlyDictionary<string, double> AutonomyMetrics { get; }

    /// <summary>In record order; the first is the primary latency.</summary>
    public IReadOnlyList<Histogram> Histograms { get; }

    public Histogram? Primary => Histograms.Count > 0 ? Histograms[0] : null;

    public double? Counter(string name) => Counters.TryGetValue(name, out double v) ? v : null;

    public double? Ops => Counter("ops");

    public double? Failed => Counter("failed");

    /// <summary>Operations per second over the run's duration.</summary>
    public double? Throughput => Ops is double ops && DurationMs is long ms && ms > 0 ? ops * 1000.0 / ms : null;

    /// <summary>failed / ops.</summary>
    public double? ErrorRate => Failed is double failed && Ops is double ops && ops > 0 ? failed / ops : null;

    public double? MemPeakBytes => Counter("mem_peak_bytes");

    public double? CpuBusyPct => Counter("cpu_busy_pct");

    public static ResultRecord From(JsonElement body) => new(body, Json.String(body, "test") ?? "result", null);

    /// <summary>The result's phases (per level, per thread count), each named "test/phase".</summary>
    public IEnumerable<ResultRecord> Phases()
    {
        if (Parent is null && Body.TryGetProperty("phases", out JsonElement phases) && phases.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement phase in phases.EnumerateArray())
            {
                index++;
                if (phase.ValueKind == JsonValueKind.Object)
                {
                    yield return new ResultRecord(phase, $"{Name}/{Json.String(phase, "name") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}", this);
                }
            }
        }
    }

    /// <summary>
    /// A quantity by the name policies and the variability table use: duration_ms, ops, failed,
    /// throughput, error_rate, p50_ns/p90_ns/p95_ns/p99_ns/p999_ns/mean_ns/max_ns (primary
    /// histogram), mem_peak_bytes, cpu_busy_pct, counters.NAME, autonomy_metrics.NAME,
    /// histograms.NAME.FIELD. Null when the record does not carry it.
    /// </summary>
    public double? Metric(string name)
    {
        switch (name)
        {
            case "duration_ms": return DurationMs;
            case "ops": return Ops;
            case "failed": return Failed;
            case "throughput": return Throughput;
            case "error_rate": return ErrorRate;
            case "mem_peak_bytes": return MemPeakBytes;
            case "cpu_busy_pct": return CpuBusyPct;
        }
        string[] parts = name.Split('.');
        if (parts.Length == 2 && parts[0] == "counters")
        {
            return Counter(parts[1]);
        }
        if (parts.Length == 2 && parts[0] == "autonomy_metrics")
        {
            return AutonomyMetrics.TryGetValue(parts[1], out double v) ? v : null;
        }
        if (parts.Length == 3 && parts[0] == "histograms")
        {
            return Histograms.FirstOrDefault(h => h.Name == parts[1]) is { } named ? Field(named, parts[2]) : null;
        }
        return parts.Length == 1 && Primary is { } primary ? Field(primary, name) : null;
    }

    private static double? Field(Histogram h, string field) => field switch
    {
        "count" => h.Count,
        "min_ns" => h.MinNs,
        "max_ns" => h.MaxNs,
        "mean_ns" => h.MeanNs,
        "p50_ns" => h.P50Ns,
        "p90_ns" => h.P90Ns,
        "p95_ns" => h.P95Ns,
        "p99_ns" => h.P99Ns,
        "p999_ns" => h.P999Ns,
        _ => null,
    };

    /// <summary>The metric names <see cref="Metric"/> knows without a prefix.</summary>
    public static IReadOnlyList<string> PlainMetrics { get; } = new[]
    {
        "duration_ms", "ops", "failed", "throughput", "error_rate", "mem_peak_bytes", "cpu_busy_pct",
        "count", "min_ns", "max_ns", "mean_ns", "p50_ns", "p90_ns", "p95_ns", "p99_ns", "p999_ns",
    };
}
