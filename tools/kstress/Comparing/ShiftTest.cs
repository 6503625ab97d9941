using System;
using System.Collections.Generic;
using System.Linq;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace KernelStress.Tool.Comparing;

/// <summary>
/// Whether two samples differ, and by how much: the two-sided Mann-Whitney U p-value
/// (Perfolizer), and the Hodges-Lehmann shift with its distribution-free confidence interval, the
/// pairwise differences between the order statistics the U distribution's critical value picks.
/// Positive samples are compared on the log scale, so the shift reads as a ratio (new / base);
/// otherwise as a difference. Ties and tiny samples are allowed: a test that cannot reach the
/// significance level with so few values (1 vs 1, 3 vs 3) says so through <see cref="MinimumP"/>.
/// Paired samples (the same seed on both sides) are compared by their per-pair differences instead:
/// Student's one-sample t-test (Perfolizer) and its interval around the mean difference.
/// </summary>
public sealed record ShiftTest(double? PValue, double MinimumP, bool OnLogScale, double Shift, double? Lower, double? Upper)
{
    public static ShiftTest Run(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidence)
    {
        bool log = baseline.Concat(candidate).All(v => v > 0);
        double[] x = baseline.Select(v => log ? Math.Log(v) : v).ToArray();
        double[] y = candidate.Select(v => log ? Math.Log(v) : v).ToArray();
        double[] differences = new double[x.Length * y.Length];
        int d = 0;
        foreach (double b in x)
        {
            foreach (double c in y)
            {
                differences[d++] = c - b;
            }
        }
        Array.Sort(differences);
        double shift = Median(differences);
        IMannWhitneyCdf cdf = Cdf(x.Length, y.Length);
        int k = CriticalCount(cdf, x.Length, y.Length, (1 - confidence) / 2);
        double? lower = k >= 1 ? differences[k - 1] : null;
        double? upper = k >= 1 ? differences[differences.Length - k] : null;
        double? p = x.Length > 0 && y.Length > 0 && !x.Concat(y).All(v => v == x[0])
            ? MannWhitneyTest.Instance.Perform(new Sample(x), new Sample(y), AlternativeHypothesis.TwoSides, Threshold.Zero).PValue.Value
            : null;
        double minimumP = Math.Min(1, 2 * cdf.Cdf(x.Length, y.Length, 1));
        return log
            ? new ShiftTest(p, minimumP, true, Math.Exp(shift), lower is double l ? Math.Exp(l) : null, upper is double u ? Math.Exp(u) : null)
            : new ShiftTest(p, minimumP, false, shift, lower, upper);
    }

    /// <param name="pairs">Base and new value of each pair.</param>
    public static ShiftTest RunPaired(IReadOnlyList<(double Base, double New)> pairs, double confidence)
    {
        bool log = pairs.All(p => p.Base > 0 && p.New > 0);
        double[] d = pairs.Select(p => log ? Math.Log(p.New / p.Base) : p.New - p.Base).ToArray();
        double mean = d.Average();
        double? lower = null, upper = null, pValue = null;
        if (d.Length >= 2)
        {
            double sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
            double margin = new StudentDistribution(d.Length - 1).Quantile(1 - (1 - confidence) / 2) * sd / Math.Sqrt(d.Length);
            (lower, upper) = (mean - margin, mean + margin);
            // Identical differences have no spread for the t statistic: certain when they are not all zero.
            pValue = sd > 0 ? StudentTest.Instance.Run(new Sample(d), 0, AlternativeHypothesis.TwoSides).PValue.Value : mean != 0 ? 0 : null;
        }
        double minimumP = d.Length >= 2 ? 0 : 1;
        return log
            ? new ShiftTest(pValue, minimumP, true, Math.Exp(mean), lower is double l ? Math.Exp(l) : null, upper is double u ? Math.Exp(u) : null)
            : new ShiftTest(pValue, minimumP, false, mean, lower, upper);
    }

    /// <summary>Exact for samples small enough for binomial coefficients, Edgeworth's approximation beyond.</summary>
    private static IMannWhitneyCdf Cdf(int n, int m) => n + m <= BinomialCoefficientHelper.MaxAcceptableN
        ? MannWhitneyLoefflerExactCdf.Instance
        : MannWhitneyEdgeworthApproxCdf.Instance;

    /// <summary>The largest k with P(U &lt; k) ≤ tail; 0 when even U = 0 is likelier than that (no interval at this confidence).</summary>
    private static int CriticalCount(IMannWhitneyCdf cdf, int n, int m, double tail)
    {
        // P(U < k) grows with k: binary search for the last k at or under the tail.
        int low = 0, high = n * m / 2;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (cdf.Cdf(n, m, mid) <= tail)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
