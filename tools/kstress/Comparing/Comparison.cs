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
/// <param name="Paired">Compare session i of one side with its same-seed twin on the other (by order when seeds do not tell).</param>
public sealed record CompareSettings(double Threshold, double Alpha, IReadOnlyList<string> Gates, bool Paired = false)
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
/// are too small for the test ever to reach alpha (up to 3 sessions a side), when their ranges
/// are apart by more than the threshold (0-day's separated ranges, with the threshold on the gap).
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
        IReadOnlyList<(SessionSample Base, SessionSample New)>? pairs = settings.Paired ? Pair(baseline, candidate) : null;
        foreach ((string result, string metric) in keys)
        {
            if (pairs is not null)
            {
                List<(double, double)> both = pairs.Where(p => p.Base.Values.ContainsKey((result, metric)) && p.New.Values.ContainsKey((result, metric)))
                    .Select(p => (p.Base.Values[(result, metric)], p.New.Values[(result, metric)])).ToList();
                if (both.Count > 0)
                {
                    changes.Add(ComparePairs(result, metric, both, settings));
                }
                continue;
            }
            List<double> x = baseline.Where(s => s.Values.ContainsKey((result, metric))).Select(s => s.Values[(result, metric)]).ToList();
            List<double> y = candidate.Where(s => s.Values.ContainsKey((result, metric))).Select(s => s.Values[(result, metric)]).ToList();
            if (y.Count > 0)
            {
                changes.Add(CompareMetric(result, metric, x, y, settings));
            }
        }
        return changes;
    }

    /// <summary>Same-seed twins when every session has a distinct seed that the other side has too; otherwise session i with session i.</summary>
    public static IReadOnlyList<(SessionSample Base, SessionSample New)> Pair(IReadOnlyList<SessionSample> baseline, IReadOnlyList<SessionSample> candidate)
    {
        if (baseline.Count != candidate.Count)
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"--paired needs as many sessions on each side: BASE has {baseline.Count}, NEW has {candidate.Count}; run both with the same --repeat and --seed, or leave out --paired");
        }
        var bySeed = candidate.Where(s => s.Seed is not null).GroupBy(s => s.Seed!).ToDictionary(g => g.Key, g => g.ToList());
        bool seeded = baseline.All(s => s.Seed is not null && bySeed.TryGetValue(s.Seed, out List<SessionSample>? twins) && twins.Count == 1)
            && baseline.Select(s => s.Seed).Distinct().Count() == baseline.Count;
        return baseline.Select((s, i) => (s, seeded ? bySeed[s.Seed!][0] : candidate[i])).ToList();
    }

    public static MetricChange ComparePairs(string result, string metric, IReadOnlyList<(double Base, double New)> pairs, CompareSettings settings)
    {
        List<double> x = pairs.Select(p => p.Base).ToList(), y = pairs.Select(p => p.New).ToList();
        ShiftTest test = ShiftTest.RunPaired(pairs, CompareSettings.Confidence);
        return Judge(result, metric, x, y, test, settings);
    }

    public static MetricChange CompareMetric(string result, string metric, IReadOnlyList<double> x, IReadOnlyList<double> y, CompareSettings settings)
    {
        ShiftTest test = ShiftTest.Run(x, y, CompareSettings.Confidence);
        return Judge(result, metric, x, y, test, settings);
    }

    private static MetricChange Judge(string result, string metric, IReadOnlyList<double> x, IReadOnlyList<double> y, ShiftTest test, CompareSettings settings)
    {
        double baseMedian = Estimates.Median(x), newMedian = Estimates.Median(y);
        double relative = baseMedian != 0 ? Math.Abs(newMedian / baseMedian - 1) : newMedian != 0 ? double.PositiveInfinity : 0;
        bool real = test.MinimumP <= settings.Alpha
            ? test.PValue is double p && p < settings.Alpha && relative >= settings.Threshold
            : Apart(x.Max(), y.Min(), settings.Threshold) || Apart(y.Max(), x.Min(), settings.Threshold);
        ChangeVerdict verdict = !real
            ? ChangeVerdict.Same
            : MetricDirection.Of(metric) switch
            {
                Better.Lower => newMedian > baseMedian ? ChangeVerdict.Regressed : ChangeVerdict.Improved,
                Better.Higher => newMedian < baseMedian ? ChangeVerdict.Regressed : ChangeVerdict.Improved,
                _ => ChangeVerdict.Changed,
            };
        return new MetricChange(result, metric, x.Count, y.Count, baseMedian, newMedian, Estimates.Spread(x), Estimates.Spread(y), test, verdict, settings.IsGated(metric));
    }

    /// <summary>Whether <paramref name="high"/> lies more than the threshold above <paramref name="low"/> (the closest values of two separated ranges).</summary>
    private static bool Apart(double low, double high, double threshold) =>
        high > low && (low <= 0 || high / low - 1 >= threshold);

    /// <summary>The share of sessions that did not PASS, each side; any increase is a regression, any decrease an improvement.</summary>
    private static MetricChange CompareVerdicts(IReadOnlyList<SessionSample> baseline, IReadOnlyList<SessionSample> candidate, CompareSettings settings)
    {
        double baseShare = baseline.Count(s => s.Verdict != "PASS") / (double)baseline.Count;
        double newShare = candidate.Count(s => s.Verdict != "PASS") / (double)candidate.Count;
        ChangeVerdict verdict = newShare > baseShare ? ChangeVerdict.Regressed : newShare < baseShare ? ChangeVerdict.Improved : ChangeVerdict.Same;
        return new MetricChange(StoredMetrics.SessionResult, "verdict", baseline.Count, candidate.Count, baseShare, newShare, 0, 0, null, verdict, settings.IsGated("verdict"));
    }
}
