using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.History;

/// <summary>
/// One session as compare and trend see it: where it came from, its verdict and seed, and every
/// figure keyed by (result, metric), whether read from a JSON report or from the history.
/// </summary>
public sealed record SessionSample(string Source, string Verdict, string? Seed, IReadOnlyDictionary<(string Result, string Metric), double> Values)
{
    public static SessionSample From(LoadedRun run)
    {
        var values = new Dictionary<(string, string), double>();
        foreach ((string result, string metric, double value) in StoredMetrics.Of(run.Report))
        {
            values.TryAdd((result, metric), value);
        }
        return new SessionSample(run.Source, HistoryWriter.VerdictText(run.Report.Verdict),
            run.Report.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture), values);
    }
}
