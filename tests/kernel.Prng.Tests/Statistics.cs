// Small statistics helpers for the distribution tests.
using System;

namespace KernelStress.Prng.Tests;

internal static class Statistics
{
    /// <summary>Pearson's chi-square statistic of observed cell counts against a uniform expectation.</summary>
    public static double ChiSquareUniform(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        double expected = (double)total / counts.Length;
        double chi = 0;
        foreach (long c in counts)
        {
            double d = c - expected;
            chi += d * d / expected;
        }
        return chi;
    }

    /// <summary>
    /// Upper 0.999 quantile of chi-square with <paramref name="df"/> degrees of freedom
    /// (Wilson-Hilferty; within 1% for df >= 3, generous enough for df 1-2).
    /// </summary>
    public static double ChiSquareCritical999(int df)
    {
        const double z = 3.090232; // standard normal 0.999 quantile
        double a = 2.0 / (9.0 * df);
        double q = 1 - a + z * Math.Sqrt(a);
        return Math.Max(df * q * q * q, 10.83); // 10.83 is the exact df = 1 value
    }

    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= x.Length;
        my /= y.Length;

        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
