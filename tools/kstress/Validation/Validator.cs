using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Validation;

/// <summary>
/// Judges sessions against a <see cref="Policy"/>: seed 001's validator checks (results vary
/// across runs with different seeds, a compare run shows at least 5 interventions with autonomy
/// on, p99 is not zero), the session and result verdicts, and each threshold rule over every
/// result and phase it applies to. One outcome per rule: the worst result decides it, and the
/// line names that result.
/// </summary>
public static class Validator
{
    public static List<RuleOutcome> Validate(IReadOnlyList<LoadedRun> runs, Policy policy)
    {
        var results = runs.SelectMany(run => run.Report.Results.Select(ResultRecord.From).Select(r => (Run: run, Result: r))).ToList();
        var outcomes = new List<RuleOutcome>();
        if (policy.Checks.Verdicts)
        {
            outcomes.Add(Verdicts(runs, results));
        }
        if (policy.Checks.Variability)
        {
            outcomes.Add(Variability(results));
        }
        if (policy.Checks.MinCompareInterventions is int min)
        {
            outcomes.Add(CompareInterventions(runs, min));
        }
        if (policy.Checks.P99NotZero)
        {
            outcomes.Add(P99NotZero(results));
        }
        var withPhases = results.SelectMany(x => new[] { x.Result }.Concat(x.Result.Phases()).Select(r => (x.Run, Result: r))).ToList();
        foreach (ThresholdRule rule in policy.Rules)
        {
            outcomes.Add(Threshold(rule, withPhases));
        }
        return outcomes;
    }

    private static RuleOutcome Verdicts(IReadOnlyList<LoadedRun> runs, List<(LoadedRun Run, ResultRecord Result)> results)
    {
        const string Rule = "session and result verdicts";
        if (runs.FirstOrDefault(r => r.Report.Verdict != Verdict.Pass) is { } bad)
        {
            return new RuleOutcome(Rule, RuleStatus.Fail, $"{bad.Source}: session verdict {bad.Report.Verdict.ToString().ToUpperInvariant()}: {bad.Report.Error ?? string.Join("; ", bad.Report.FailureLines())}");
        }
        if (results.FirstOrDefault(x => x.Result.Verdict == "PARTIAL") is { Result: not null } partial)
        {
            return new RuleOutcome(Rule, RuleStatus.Warn, $"{Describe(partial)}: verdict PARTIAL: {partial.Result.Reason}");
        }
        return new RuleOutcome(Rule, RuleStatus.Pass, $"{runs.Count} session(s) passed, {results.Count} result(s) without FAIL or PARTIAL");
    }

    /// <summary>Seed 001: "results should differ across runs". Same test and arguments, different seeds, identical outcome: deterministic.</summary>
    private static RuleOutcome Variability(List<(LoadedRun Run, ResultRecord Result)> results)
    {
        const string Rule = "results vary across runs (seed 001)";
        var groups = results
            .Where(x => x.Result.Body.TryGetProperty("seed", out _))
            .GroupBy(x => (x.Result.Test, Args: WithoutSeed(x.Result.Args)))
            .Where(g => g.Select(x => x.Result.Seed).Distinct().Count() >= 2)
            .ToList();
        if (groups.Count == 0)
        {
            return new RuleOutcome(Rule, RuleStatus.Skip, "no test ran twice with different seeds (use run --repeat N, or several files)");
        }
        foreach (var group in groups)
        {
            if (group.Select(x => Fingerprint(x.Result)).Distinct().Count() == 1)
            {
                return new RuleOutcome(Rule, RuleStatus.Fail,
                    $"{group.Key.Test}: {group.Count()} runs with seeds {string.Join(", ", group.Select(x => x.Result.Seed))} gave identical counters and percentiles (deterministic)");
            }
        }
        return new RuleOutcome(Rule, RuleStatus.Pass, $"{groups.Count} test(s) run with several seeds, each with differing outcomes");
    }

    private static RuleOutcome CompareInterventions(IReadOnlyList<LoadedRun> runs, int min)
    {
        string rule = $"compare shows >= {min} interventions with autonomy on (seed 001)";
        var compares = runs.SelectMany(run => run.Report.Records.Where(r => Json.String(r, "type") == "compare").Select(r => (run, r))).ToList();
        if (compares.Count == 0)
        {
            return new RuleOutcome(rule, RuleStatus.Skip, "no compare record in the inputs");
        }
        long? worst = null;
        string where = "";
        foreach ((LoadedRun run, JsonElement record) in compares)
        {
            long? on = Json.Object(record, "on") is JsonElement o ? Json.Long(o, "total_interventions") : null;
            if (on is null)
            {
                return new RuleOutcome(rule, RuleStatus.Fail, $"{run.Source}: compare record #{Json.Long(record, "seq")} has no on.total_interventions");
            }
            if (worst is null || on < worst)
            {
                worst = on;
                where = $"{run.Source}: compare {Json.String(record, "test")} seed {Json.Long(record, "seed")}";
            }
        }
        return new RuleOutcome(rule, worst >= min ? RuleStatus.Pass : RuleStatus.Fail, $"{where}: {worst} intervention(s) with autonomy on (fewest of {compares.Count} compare record(s))");
    }

    private static RuleOutcome P99NotZero(List<(LoadedRun Run, ResultRecord Result)> results)
    {
        const string Rule = "p99 is not zero (seed 001)";
        int checkedHistograms = 0;
        foreach (var x in results)
        {
            foreach (Histogram h in x.Result.Histograms.Where(h => h.Count > 0))
            {
                checkedHistograms++;
                if (h.P99Ns is not long p99 || p99 == 0)
                {
                    return new RuleOutcome(Rule, RuleStatus.Fail, $"{Describe(x)}: histogram '{h.Name}' counted {h.Count} values but p99_ns is {(h.P99Ns is null ? "missing" : "0")} (latency tracking not working)");
                }
            }
        }
        return checkedHistograms == 0
            ? new RuleOutcome(Rule, RuleStatus.Skip, "no result carries a histogram with values")
            : new RuleOutcome(Rule, RuleStatus.Pass, $"{checkedHistograms} histogram(s), every p99 above zero");
    }

    private static RuleOutcome Threshold(ThresholdRule rule, List<(LoadedRun Run, ResultRecord Result)> results)
    {
        string metric = rule.Per is null ? rule.Metric : $"{rule.Metric} / {rule.Per}";
        bool isMax = rule.Max is not null;
        Levels levels = (rule.Max ?? rule.Min)!;
        var measured = results.Where(x => rule.Applies(x.Result)).Select(x => (x.Run, x.Result, Value: rule.ValueOf(x.Result))).Where(x => x.Value is not null).ToList();
        string name = rule.Source is null ? rule.Name : $"{rule.Name} ({rule.Source})";
        if (measured.Count == 0)
        {
            return new RuleOutcome(name, RuleStatus.Skip, $"no result reports {metric}");
        }
        var worst = isMax ? measured.MaxBy(x => x.Value) : measured.MinBy(x => x.Value);
        double value = worst.Value!.Value;
        bool Beyond(double? level) => level is double l && (isMax ? value > l : value < l);
        RuleStatus status = Beyond(levels.Fail) ? RuleStatus.Fail : Beyond(levels.Warn) ? RuleStatus.Warn : RuleStatus.Pass;
        string bound = isMax ? "max" : "min";
        string limits = string.Join(", ", new[] { levels.Warn is double w ? $"warn {(isMax ? ">" : "<")} {Number(w)}" : null, levels.Fail is double f ? $"fail {(isMax ? ">" : "<")} {Number(f)}" : null }.OfType<string>());
        return new RuleOutcome(name, status, $"{bound} {metric} = {Number(value)} in {Describe((worst.Run, worst.Result))} over {measured.Count} result(s) ({limits})");
    }

    private static string Describe((LoadedRun Run, ResultRecord Result) x) =>
        $"{x.Result.Name}{(x.Result.Seed is ulong seed ? $" seed {seed}" : "")} ({x.Run.Source})";

    private static string Fingerprint(ResultRecord result) =>
        string.Join(";", result.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))
        + "|" + string.Join(";", result.Histograms.Select(h => $"{h.Name}:{h.P50Ns}/{h.P95Ns}/{h.P99Ns}/{h.Count}"))
        + "|" + string.Join(";", result.AutonomyMetrics.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private static string WithoutSeed(string? args) => args is null ? "" : Regex.Replace(args, @"\s*--seed\s+\S+", "").Trim();

    private static string Number(double value) => value.ToString(Math.Abs(value) < 10 && value != Math.Floor(value) ? "0.######" : "0.##", CultureInfo.InvariantCulture);
}
