// The exact sign test: under the null hypothesis that "on" and "off" are
// equally likely to come out lower, the number of pairs where "on" is lower
// is Binomial(n, 1/2), n being the pairs that differ (ties are dropped).
// Two-sided p = P(X <= min(lower, higher)) + P(X >= max(lower, higher)),
// which for p = 1/2 is 2 * P(X <= min), capped at 1.
namespace KernelStress.Metrics;

public static class SignTest
{
    // 2^-n underflows a double past n = 1074; the kernel's pair counts stay far below.
    public const int MaxPairs = 1000;

    /// <summary>Two-sided exact binomial p-value for <paramref name="lower"/> vs <paramref name="higher"/> (ties already dropped); 1 when both are 0.</summary>
    public static double TwoSidedP(int lower, int higher)
    {
        int n = lower + higher;
        if (n <= 0)
        {
            return 1;
        }
        if (n > MaxPairs)
        {
            n = MaxPairs;
        }
        int k = lower < higher ? lower : higher;

        // term(i) = C(n, i) / 2^n, built up from term(0) = 2^-n.
        double term = 1;
        for (int i = 0; i < n; i++)
        {
            term *= 0.5;
        }
        double tail = 0;
        for (int i = 0; i <= k; i++)
        {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        double p = 2 * tail;
        return p > 1 ? 1 : p;
    }
}
