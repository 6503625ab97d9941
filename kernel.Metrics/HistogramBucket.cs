// One non-empty bucket of a snapshot, as exported in `result` records:
// every recorded value v in it satisfies Lower <= v <= Upper (both inclusive).
namespace KernelStress.Metrics;

public readonly struct HistogramBucket
{
    internal HistogramBucket(int index, ulong count)
    {
        Index = index;
        Lower = HistogramBuckets.LowerBound(index);
        Upper = HistogramBuckets.UpperBound(index);
        Count = count;
    }

    public int Index { get; }

    public ulong Lower { get; }

    public ulong Upper { get; }

    public ulong Count { get; }
}
