// One metric over N seed-paired runs (autonomy off, then on): how often "on"
// came out lower, higher or equal, the median of the on/off ratios and the
// sign test's p-value (SignTest). A pair whose "off" value is 0 has no ratio
// unless "on" is 0 too (then 1); the median is over the pairs that have one.
using System;

namespace KernelStress.Metrics;

public struct PairedComparison
{
    public int Pairs;
    public int Lower;
    public int Higher;
    public int Ties;
    // Pairs that have a ratio; MedianRatio is meaningful only when it is above 0.
    public int Ratios;
    public double MedianRatio;
    public double PValue;

    /// <summary>Compares <paramref name="on"/>[i] with <paramref name="off"/>[i]; <paramref name="scratch"/> holds at least as many values (the ratios, sorted).</summary>
    public static PairedComparison Of(ReadOnlySpan<double> off, ReadOnlySpan<double> on, Span<double> scratch)
    {
        var result = default(PairedComparison);
        int pairs = off.Length < on.Length ? off.Length : on.Length;
        if (scratch.Length < pairs)
        {
            pairs = scratch.Length;
        }
        result.Pairs = pairs;
        for (int i = 0; i < pairs; i++)
        {
            if (on[i] < off[i])
            {
                result.Lower++;
            }
            else if (on[i] > off[i])
            {
                result.Higher++;
            }
            else
            {
                result.Ties++;
            }
            if (off[i] != 0)
            {
                Insert(scratch, result.Ratios++, on[i] / off[i]);
            }
            else if (on[i] == 0)
            {
                Insert(scratch, result.Ratios++, 1);
            }
        }
        result.MedianRatio = Median(scratch.Slice(0, result.Ratios));
        result.PValue = SignTest.TwoSidedP(result.Lower, result.Higher);
        return result;
    }

    // Insertion into the sorted prefix sorted[0..count).
    private static void Insert(Span<double> sorted, int count, double value)
    {
        int i = count;
        while (i > 0 && sorted[i - 1] > value)
        {
            sorted[i] = sorted[i - 1];
            i--;
        }
        sorted[i] = value;
    }

    private static double Median(ReadOnlySpan<double> sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
