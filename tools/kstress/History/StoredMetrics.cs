using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.History;

/// <summary>
/// The figures kept for every result (and phase) of a session, under the names
/// <see cref="ResultRecord.Metric"/> reads: the variability table's metrics, counters and
/// autonomy metrics, and each histogram's summary (count, min, max, mean, p50 … p99.9): the
/// primary histogram's by the plain field name (p99_ns), every other one's as histograms.NAME.FIELD. The session's
/// own figures (boot time, corrupt records) are a pseudo-result named "session".
/// </summary>
public static class StoredMetrics
{
    public const string SessionResult = "session";

    private static readonly string[] HistogramFields = { "count", "min_ns", "max_ns", "mean_ns", "p50_ns", "p90_ns", "p95_ns", "p99_ns", "p999_ns" };

    public static IEnumerable<(string Name, double Value)> Of(ResultRecord result)
    {
        IEnumerable<string> names = Variability.MetricsOf(result)
            .Concat(HistogramFields)
            .Concat(result.Histograms.Skip(1).SelectMany(h => HistogramFields.Select(f => $"histograms.{h.Name}.{f}")))
            .Distinct();
        foreach (string name in names)
        {
            if (result.Metric(name) is double value && double.IsFinite(value))
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>The session-level figures: boot_ms when measured, and corrupt (the corrupt-record count).</summary>
    public static IEnumerable<(string Name, double Value)> OfSession(RunReport report)
    {
        if (report.BootMs is long boot)
        {
            yield return ("boot_ms", boot);
        }
        yield return ("corrupt", report.Corrupt.Count);
    }

    /// <summary>Every figure of a session keyed by result: what compare reads from a JSON report.</summary>
    public static IEnumerable<(string Result, string Metric, double Value)> Of(RunReport report) =>
        OfSession(report).Select(m => (SessionResult, m.Name, m.Value))
            .Concat(Variability.Keyed(report).SelectMany(k => Of(k.Result).Select(m => (k.Key, m.Name, m.Value))));
}
