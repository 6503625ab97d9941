using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using KernelStress.Tool.History;

namespace KernelStress.Tool.Comparing;

public enum ChangeVerdict
{
    Same,
    Improved,
    Regressed,

    /// <summary>A real change of a metric with no better direction.</summary>
    Changed,
}

/// <summary>How compare judges: the smallest change that counts, the significance level, and the gated metrics (globs over metric names).</summary>
public sealed record CompareSettings(double Threshold, double Alpha, IReadOnlyList<string> Gates)
{
    public const double Confidence = 0.95;

    /// <summary>The verdict, ops/s, and every p99 latency.</summary>
    public static IReadOnlyList<string> DefaultGates { get; } = new[] { "verdict", "throughput", "p99_ns", "histograms.*.p99_ns" };

    public bool IsGated(string metric) => Gates.Any(g => Regex.IsMatch(metric, "^" + Regex.Escape(g).Replace("\\*", ".*").Replace("\\?", ".") + "$"));
}

/// <summary>One metric of one result, base against new.</summary>
public sealed record MetricChange(
    string Result, string Metric, int BaseN, int NewN, double BaseMedian, double NewMedian, double BaseSpread, double NewSpread,
    ShiftTest? Test, ChangeVerdict Verdict, bool Gated)
{
    /// <summary>new median / base median; null when the base median is 0.</summary>
    public double? Ratio => BaseMedian != 0 ? NewMedian / BaseMedian : null;

    public bool GateFails => Gated && Verdict == ChangeVerdict.Regressed;
}

/// <summary>
/// Compares every (result, metric) both sides have. A change counts when it is larger than the
/// threshold and statistically real: the Mann-Whitney p-value under alpha, or, when the samples
/// are too small for the test ever to reach alpha, when their ranges do not overlap (0-day's rule).
/// The session verdicts compare as a metric of their own: more non-PASS sessions is a regression.
/// </summary>
public static class Comparison
{
    public static List<MetricChange> Compare(IReadOnlyList<SessionSample> baseline, IReadOnlyList<SessionSample> candidate, CompareSettings settings)
    {
        var changes = new List<MetricChange> { CompareVerdicts(baseline, candidate, settings) };
        var keys = new List<(string Result, string Metric)>();
        var seen = new HashSet<(string, string)>();
        foreach (SessionSample session in baseline)
        {
            foreach ((string, string) key in session.Values.Keys)
            {
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }
        foreach ((string result, string metric) in keys)
        {
            List<double> x = baseline.Where(s => s.Values.ContainsKey((result, metric))).Select(s => s.Values[(result, metric)]).ToList();
            List<double> y = candidate.Where(s => s.Values.ContainsKey((result, metric))).Select(s => s.Values[(result, metric)]).ToList();
            if (y.Count > 0)
            {
                changes.Add(CompareMetric(result, metric, x, y, settings));
            }
        }
        return changes;
    }

    public static MetricChange CompareMetric(string result, string metric, IReadOnlyList<double> x, IReadOnlyList<double> y, CompareSettings settings)
    {
        double baseMedian = Estimates.Median(x), newMedian = Estimates.Median(y);
        ShiftTest test = ShiftTest.Run(x, y, CompareSettings.Confidence);
        bool real = test.MinimumP <= settings.Alpha
            ? test.PValue is double p && p < settings.Alpha
            : x.Max() < y.Min() || y.Max() < x.Min();
        double relative = baseMedian != 0 ? Math.Abs(newMedian / baseMedian - 1) : newMedian != 0 ? double.PositiveInfinity : 0;
        ChangeVerdict verdict = !real || relative < settings.Threshold
            ? ChangeVerdict.Same
            : MetricDirection.Of(metric) switch
            {
                Better.Lower => newMedian > baseMedian ? ChangeVerdict.Regressed : ChangeVerdict.Improved,
                Better.Higher => newMedian < baseMedian ? ChangeVerdict.Regressed : ChangeVerdict.Improved,
                _ => ChangeVerdict.Changed,
            };
        return new MetricChange(result, metric, x.Count, y.Count, baseMedian, newMedian, Estimates.Spread(x), Estimates.Spread(y), test, verdict, settings.IsGated(metric));
    }

    /// <summary>The share of sessions that did not PASS, each side; any increase is a regression, any decrease an improvement.</summary>
    private static MetricChange CompareVerdicts(IReadOnlyList<SessionSample> baseline, IReadOnlyList<SessionSample> candidate, CompareSettings settings)
    {
        double baseShare = baseline.Count(s => s.Verdict != "PASS") / (double)baseline.Count;
        double newShare = candidate.Count(s => s.Verdict != "PASS") / (double)candidate.Count;
        ChangeVerdict verdict = newShare > baseShare ? ChangeVerdict.Regressed : newShare < baseShare ? ChangeVerdict.Improved : ChangeVerdict.Same;
        return new MetricChange(StoredMetrics.SessionResult, "verdict", baseline.Count, candidate.Count, baseShare, newShare, 0, 0, null, verdict, settings.IsGated("verdict"));
    }
}
