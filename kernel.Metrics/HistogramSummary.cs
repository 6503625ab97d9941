// The figures a `result` record and a human line show for one histogram, in
// integer nanoseconds. All zero when Count is zero.
// Min, Max, Sum and Count are exact; Mean is Sum / Count rounded down; the
// percentiles are within 1% of the exact order statistic (HistogramBuckets).
namespace KernelStress.Metrics;

public readonly struct HistogramSummary
{
    internal HistogramSummary(HistogramSnapshot s)
    {
        Count = s.Count;
        Sum = s.Sum;
        Min = s.Min;
        Max = s.Max;
        Mean = s.Mean;
        P50 = s.ValueAtPercentile(50);
        P90 = s.ValueAtPercentile(90);
        P95 = s.ValueAtPercentile(95);
        P99 = s.ValueAtPercentile(99);
        P999 = s.ValueAtPercentile(99.9);
    }

    public ulong Count { get; }

    public ulong Sum { get; }

    public ulong Min { get; }

    public ulong Max { get; }

    public ulong Mean { get; }

    public ulong P50 { get; }

    public ulong P90 { get; }

    public ulong P95 { get; }

    public ulong P99 { get; }

    /// <summary>The 99.9th percentile.</summary>
    public ulong P999 { get; }
}
