using System;
using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Results;

/// <summary>
/// How each metric of each result moved across repeated sessions (run --repeat): n, mean, sample
/// standard deviation, min and max. Results are matched across sessions by name and by their
/// order among same-named results in a session ("memory", "memory#2"). Only quantities the kernel
/// reported are counted; a metric present in some sessions only has a smaller n.
/// </summary>
public static class Variability
{
    /// <summary>The metrics every result is looked at for, before its counters and autonomy metrics.</summary>
    public static IReadOnlyList<string> CoreMetrics { get; } = new[]
    {
        "duration_ms", "ops", "failed", "throughput", "error_rate", "p50_ns", "p95_ns", "p99_ns", "mem_peak_bytes", "cpu_busy_pct",
    };

    public static List<VariabilityRow> Compute(IReadOnlyList<RunReport> runs)
    {
        var values = new Dictionary<(string Result, string Metric), List<double>>();
        var order = new List<(string, string)>();
        foreach (RunReport run in runs)
        {
            foreach ((string key, ResultRecord result) in Keyed(run))
            {
                foreach (string metric in MetricsOf(result))
                {
                    if (result.Metric(metric) is double value)
                    {
                        if (!values.TryGetValue((key, metric), out List<double>? list))
                        {
                            values[(key, metric)] = list = new List<double>();
                            order.Add((key, metric));
                        }
                        list.Add(value);
                    }
                }
            }
        }
        return order.Select(k => VariabilityRow.Of(k.Item1, k.Item2, values[k])).ToList();
    }

    /// <summary>Each result of a session and each of its phases, under the key that matches it across sessions.</summary>
    public static IEnumerable<(string Key, ResultRecord Result)> Keyed(RunReport run)
    {
        var seen = new Dictionary<string, int>();
        foreach (ResultRecord result in run.Results.Select(ResultRecord.From).SelectMany(r => new[] { r }.Concat(r.Phases())))
        {
            int occurrence = seen[result.Name] = seen.GetValueOrDefault(result.Name) + 1;
            yield return (occurrence == 1 ? result.Name : $"{result.Name}#{occurrence}", result);
        }
    }

    /// <summary>The metric names a result is looked at for: the core ones, then its counters and autonomy metrics.</summary>
    public static IEnumerable<string> MetricsOf(ResultRecord result) => CoreMetrics
        .Concat(result.Counters.Keys.Where(k => !CoreMetrics.Contains(k)).Select(k => "counters." + k))
        .Concat(result.AutonomyMetrics.Keys.Select(k => "autonomy_metrics." + k));
}

/// <summary>One metric of one result across sessions.</summary>
public sealed record VariabilityRow(string Result, string Metric, int N, double Mean, double Stddev, double Min, double Max)
{
    public static VariabilityRow Of(string result, string metric, IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double stddev = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new VariabilityRow(result, metric, values.Count, mean, stddev, values.Min(), values.Max());
    }
}
