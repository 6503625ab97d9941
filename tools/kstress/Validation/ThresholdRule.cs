using System;
using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Validation;

/// <summary>A metric of the result records, with a lower (min) or upper (max) bound at warning and failure level.</summary>
public sealed class ThresholdRule
{
    public required string Name { get; init; }

    /// <summary>Where the level comes from (e.g. "seed 000 §3.1").</summary>
    public string? Source { get; set; }

    /// <summary>A metric name (see <see cref="ResultRecord.Metric"/>).</summary>
    public required string Metric { get; init; }

    /// <summary>Divide the metric by this one (a ratio such as recovered / events).</summary>
    public string? Per { get; set; }

    /// <summary>Only results of these tests; empty: every test.</summary>
    public List<string> Tests { get; set; } = new();

    /// <summary>Never results of these tests (e.g. chaos, whose failures are injected on purpose).</summary>
    public List<string> SkipTests { get; set; } = new();

    public Levels? Min { get; set; }

    public Levels? Max { get; set; }

    public bool Applies(ResultRecord result) =>
        (Tests.Count == 0 || Tests.Contains(result.Test)) && !SkipTests.Contains(result.Test);

    public double? ValueOf(ResultRecord result)
    {
        double? value = result.Metric(Metric);
        if (Per is null || value is null)
        {
            return value;
        }
        return result.Metric(Per) is double per && per != 0 ? value / per : null;
    }

    public static bool IsKnownMetric(string metric)
    {
        string[] parts = metric.Split('.');
        return parts.Length switch
        {
            1 => ResultRecord.PlainMetrics.Contains(metric),
            2 => parts[0] is "counters" or "autonomy_metrics" && parts[1].Length > 0,
            3 => parts[0] == "histograms" && parts[1].Length > 0 && ResultRecord.PlainMetrics.Contains(parts[2]) && parts[2].EndsWith("_ns", StringComparison.Ordinal) || parts.Length == 3 && parts[0] == "histograms" && parts[2] == "count",
            _ => false,
        };
    }
}
