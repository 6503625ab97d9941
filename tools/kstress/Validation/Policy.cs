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
