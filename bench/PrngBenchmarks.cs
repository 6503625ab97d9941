// kernel.Prng against System.Random, side by side in one run. Each benchmark
// draws N values in a loop (OperationsPerInvoke = N), so the tables read as
// nanoseconds per value. Peers: `new Random(seed)` (the seedable, legacy
// Net5CompatSeedImpl) and `new Random()` (xoshiro256**, not seedable).
// Our generators are structs: the loop works on a local copy and stores it
// back, as kernel code keeps a per-CPU generator.
using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KernelStress.Prng;

namespace KernelStress.Bench;

[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PrngBenchmarks
{
    private const int N = 4096;
    private const int RangeMin = -500;
    private const int RangeMax = 1_000_000; // a span that is not a power of two

    private readonly Random _seeded = new Random(42);
    private readonly Random _unseeded = new Random();
    private readonly ulong[] _values = new ulong[N];
    private readonly byte[] _bytes = new byte[N * sizeof(ulong)];
    private Xorshift64 _xorshift64 = new Xorshift64(42);
    private Xorshift64Star _xorshift64Star = new Xorshift64Star(42);
    private Xorshift64StarX4 _x4 = new Xorshift64StarX4(42);

    [BenchmarkCategory("NextU64"), Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public long SeededRandom_NextInt64()
    {
        Random r = _seeded;
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += r.NextInt64();
        }
        return acc;
    }

    [BenchmarkCategory("NextU64"), Benchmark(OperationsPerInvoke = N)]
    public long UnseededRandom_NextInt64()
    {
        Random r = _unseeded;
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += r.NextInt64();
        }
        return acc;
    }

    [BenchmarkCategory("NextU64"), Benchmark(OperationsPerInvoke = N)]
    public ulong Xorshift64_NextU64()
    {
        Xorshift64 g = _xorshift64;
        ulong acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += g.NextU64();
        }
        _xorshift64 = g;
        return acc;
    }

    [BenchmarkCategory("NextU64"), Benchmark(OperationsPerInvoke = N)]
    public ulong Xorshift64Star_NextU64()
    {
        Xorshift64Star g = _xorshift64Star;
        ulong acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += g.NextU64();
        }
        _xorshift64Star = g;
        return acc;
    }

    [BenchmarkCategory("Range"), Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public long SeededRandom_Next()
    {
        Random r = _seeded;
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += r.Next(RangeMin, RangeMax);
        }
        return acc;
    }

    [BenchmarkCategory("Range"), Benchmark(OperationsPerInvoke = N)]
    public long UnseededRandom_Next()
    {
        Random r = _unseeded;
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += r.Next(RangeMin, RangeMax);
        }
        return acc;
    }

    [BenchmarkCategory("Range"), Benchmark(OperationsPerInvoke = N)]
    public long Xorshift64Star_Range()
    {
        Xorshift64Star g = _xorshift64Star;
        long acc = 0;
        for (int i = 0; i < N; i++)
        {
            acc += g.Range(RangeMin, RangeMax);
        }
        _xorshift64Star = g;
        return acc;
    }

    [BenchmarkCategory("Fill"), Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public ulong[] UnseededRandom_NextInt64_loop()
    {
        Random r = _unseeded;
        ulong[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (ulong)r.NextInt64();
        }
        return values;
    }

    [BenchmarkCategory("Fill"), Benchmark(OperationsPerInvoke = N)]
    public byte[] UnseededRandom_NextBytes()
    {
        _unseeded.NextBytes(_bytes); // xoshiro256** writing 8 bytes per step, no call per value
        return _bytes;
    }

    [BenchmarkCategory("Fill"), Benchmark(OperationsPerInvoke = N)]
    public ulong[] Xorshift64Star_loop()
    {
        Xorshift64Star g = _xorshift64Star;
        ulong[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = g.NextU64();
        }
        _xorshift64Star = g;
        return values;
    }

    [BenchmarkCategory("Fill"), Benchmark(OperationsPerInvoke = N)]
    public ulong[] Xorshift64StarX4_Fill()
    {
        _x4.Fill(_values);
        return _values;
    }
}
