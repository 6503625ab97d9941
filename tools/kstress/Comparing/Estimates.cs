using System.Collections.Generic;
using System.Linq;
using Pragmastat;
using Pragmastat.Estimators;

namespace KernelStress.Tool.Comparing;

/// <summary>The robust one-sample summaries history and compare print: the median, and the spread (Shamos: the median of pairwise distances, 0 for one value).</summary>
public static class Estimates
{
    public static double Median(IReadOnlyList<double> values) => MedianEstimator.Instance.Estimate(new Sample(values.ToArray())).NominalValue;

    public static double Spread(IReadOnlyList<double> values) => values.Count < 2 ? 0 : Toolkit.Spread(new Sample(values.ToArray())).NominalValue;
}
