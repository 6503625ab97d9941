// Reproducible latency samples in nanoseconds for the oracle tests.
using System;

namespace KernelStress.Metrics.Tests;

internal static class Samples
{
    /// <summary>Uniform in [1 us, 10 ms].</summary>
    public static long[] Uniform(int n, int seed)
    {
        var r = new Random(seed);
        var v = new long[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = r.NextInt64(1_000, 10_000_001);
        }
        return v;
    }

    /// <summary>Log-normal around 50 us (sigma 1.2 in log space): a long right tail up to seconds.</summary>
    public static long[] LogNormal(int n, int seed)
    {
        var r = new Random(seed);
        var v = new long[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = Math.Max(1, (long)Math.Exp(Math.Log(50_000) + 1.2 * Normal(r)));
        }
        return v;
    }

    /// <summary>90% fast path around 200 ns, 10% slow path around 2 ms: percentiles jump between the modes.</summary>
    public static long[] Bimodal(int n, int seed)
    {
        var r = new Random(seed);
        var v = new long[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = r.NextDouble() < 0.9
                ? Math.Max(1, (long)(200 + 20 * Normal(r)))
                : Math.Max(1, (long)(2_000_000 + 300_000 * Normal(r)));
        }
        return v;
    }

    private static double Normal(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
