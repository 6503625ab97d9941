namespace KernelStress.Tool.Comparing;

public enum Better
{
    Lower,
    Higher,

    /// <summary>No better direction (a duration the command fixed, an autonomy count): a change is reported as "changed".</summary>
    Neither,
}

/// <summary>Which way each metric should move: latencies, failures, memory and boot time down; operations and throughput up.</summary>
public static class MetricDirection
{
    public static Better Of(string metric)
    {
        string leaf = metric[(metric.LastIndexOf('.') + 1)..];
        if (leaf.EndsWith("_ns", System.StringComparison.Ordinal))
        {
            return Better.Lower;
        }
        return leaf switch
        {
            "failed" or "error_rate" or "mem_peak_bytes" or "boot_ms" or "corrupt" or "verdict_failures" => Better.Lower,
            "ops" or "throughput" or "count" => Better.Higher,
            _ => Better.Neither,
        };
    }
}
