using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Validation;

/// <summary>
/// A validation policy (policies/*.json, documented in docs/host-tool.md): the seed 001 checks to
/// run and threshold rules with warning and failure levels per metric (seed 002's "early warning
/// vs fail signals"). Unknown fields and unknown metric names are errors, so a typo cannot turn a
/// rule off silently.
/// </summary>
public sealed class Policy
{
    public int Schema { get; set; } = 1;

    /// <summary>Where the levels come from and why (free text, shown nowhere; for the reader of the file).</summary>
    public string? Comment { get; set; }

    public PolicyChecks Checks { get; set; } = new();

    public List<ThresholdRule> Rules { get; set; } = new();

    public static Policy Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Usage, $"cannot read the policy '{path}': {e.Message}: check the path, or leave --policy out for policies/default.json");
        }
        Policy policy;
        try
        {
            policy = JsonSerializer.Deserialize(bytes, PolicyJsonContext.Default.Policy)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new KstressException(ExitCode.Usage, $"the policy '{path}' is not valid: {e.Message}: see docs/host-tool.md (\"Policies\") for the format");
        }
        policy.Check(path);
        return policy;
    }

    private void Check(string path)
    {
        if (Schema != 1)
        {
            throw new KstressException(ExitCode.Usage, $"the policy '{path}' has schema {Schema}; this kstress reads schema 1");
        }
        foreach (ThresholdRule rule in Rules)
        {
            string where = $"the policy '{path}', rule '{rule.Name}'";
            foreach (string metric in new[] { rule.Metric, rule.Per }.OfType<string>())
            {
                if (!ThresholdRule.IsKnownMetric(metric))
                {
                    throw new KstressException(ExitCode.Usage,
                        $"{where}: unknown metric '{metric}': use one of {string.Join(", ", ResultRecord.PlainMetrics)}, or counters.NAME, autonomy_metrics.NAME, histograms.NAME.FIELD");
                }
            }
            if (rule.Min is null == (rule.Max is null))
            {
                throw new KstressException(ExitCode.Usage, $"{where}: give exactly one of \"min\" and \"max\"");
            }
            Levels levels = (rule.Min ?? rule.Max)!;
            if (levels.Warn is null && levels.Fail is null)
            {
                throw new KstressException(ExitCode.Usage, $"{where}: the levels need \"warn\", \"fail\" or both");
            }
        }
    }
}

/// <summary>The seed 001 validator's checks.</summary>
public sealed class PolicyChecks
{
    /// <summary>Results of one test with different seeds must differ (the seed's "no variability (deterministic)").</summary>
    public bool Variability { get; set; } = true;

    /// <summary>A compare record must show at least this many interventions with autonomy on (seed 001: 5); null turns the check off.</summary>
    public int? MinCompareInterventions { get; set; } = 5;

    /// <summary>Every histogram that counted something must have a non-zero p99 (seed 001: "latency tracking not working").</summary>
    public bool P99NotZero { get; set; } = true;

    /// <summary>Every session must have reached a verdict and every result record must not say FAIL (PARTIAL warns).</summary>
    public bool Verdicts { get; set; } = true;
}

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

/// <summary>Warning and failure levels of one bound; either may be absent.</summary>
public sealed class Levels
{
    public double? Warn { get; set; }

    public double? Fail { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Policy))]
public sealed partial class PolicyJsonContext : JsonSerializerContext
{
}
