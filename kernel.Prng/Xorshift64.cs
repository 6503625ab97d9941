// Marsaglia's xorshift64 with the (13, 7, 17) triple: the stress-test report's
// algorithm ("Xorshift RNGs", J. Stat. Softw. 8(14), 2003).
//
// Invariant: the state is never zero (XorshiftSeed remaps a zero seed), so the
// period is 2^64 - 1. Only default(Xorshift64), which no constructor yields,
// has a zero state; it returns zeros, so always construct with a seed.
// Not thread-safe by design: each CPU or thread owns its own value, derived
// from the run seed with StreamSeed.Derive.
namespace KernelStress.Prng;

public struct Xorshift64 : IRandomSource
{
    private ulong _state;

    public Xorshift64(ulong seed)
    {
        _state = XorshiftSeed.NonZero(seed);
    }

    public ulong NextU64()
    {
        ulong x = _state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state = x;
        return x;
    }

    public uint NextU32() => Sampling.NextU32(ref this);

    public int Range(int min, int maxExclusive) => Sampling.Range(ref this, min, maxExclusive);

    public ulong Range(ulong min, ulong maxExclusive) => Sampling.Range(ref this, min, maxExclusive);

    public double NextDouble() => Sampling.NextDouble(ref this);

    public bool Chance(double probability) => Sampling.Chance(ref this, probability);
}
