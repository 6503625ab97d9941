using System.Collections.Generic;
using System.Text.Json;

namespace KernelStress.Tool.Results;

/// <summary>
/// One latency histogram as the kernel writes it (kernel/records/HistogramJson.cs): count, min,
/// max, mean and percentiles in ns, and the non-empty buckets [lower_ns, upper_ns, count].
/// A field the record lacks is null, never zero.
/// </summary>
public sealed class Histogram
{
    public required string Name { get; init; }

    public long? Count { get; init; }

    public long? MinNs { get; init; }

    public long? MaxNs { get; init; }

    public long? MeanNs { get; init; }

    public long? P50Ns { get; init; }

    public long? P90Ns { get; init; }

    public long? P95Ns { get; init; }

    public long? P99Ns { get; init; }

    public long? P999Ns { get; init; }

    public required IReadOnlyList<HistogramBucket> Buckets { get; init; }

    /// <summary>The percentiles the record carries, in order, for charts and tables.</summary>
    public IEnumerable<(string Label, long Ns)> Percentiles()
    {
        foreach ((string label, long? value) in new[] { ("p50", P50Ns), ("p90", P90Ns), ("p95", P95Ns), ("p99", P99Ns), ("p99.9", P999Ns) })
        {
            if (value is long ns)
            {
                yield return (label, ns);
            }
        }
    }

    public static Histogram From(string name, JsonElement body)
    {
        var buckets = new List<HistogramBucket>();
        if (body.TryGetProperty("buckets", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement bucket in array.EnumerateArray())
            {
                if (bucket.ValueKind == JsonValueKind.Array && bucket.GetArrayLength() == 3
                    && bucket[0].TryGetInt64(out long lower) && bucket[1].TryGetInt64(out long upper) && bucket[2].TryGetInt64(out long count))
                {
                    buckets.Add(new HistogramBucket(lower, upper, count));
                }
            }
        }
        return new Histogram
        {
            Name = name,
            Count = Json.Long(body, "count"),
            MinNs = Json.Long(body, "min_ns"),
            MaxNs = Json.Long(body, "max_ns"),
            MeanNs = Json.Long(body, "mean_ns"),
            P50Ns = Json.Long(body, "p50_ns"),
            P90Ns = Json.Long(body, "p90_ns"),
            P95Ns = Json.Long(body, "p95_ns"),
            P99Ns = Json.Long(body, "p99_ns"),
            P999Ns = Json.Long(body, "p999_ns"),
            Buckets = buckets,
        };
    }
}

/// <summary>Values in [LowerNs, UpperNs] were recorded Count times.</summary>
public readonly record struct HistogramBucket(long LowerNs, long UpperNs, long Count);
