// Vigna's xorshift64*: a (12, 25, 27) xorshift whose output is multiplied by
// 0x2545F4914F6CDD1D ("An experimental exploration of Marsaglia's xorshift
// generators, scrambled", ACM TOMS 42(4), 2016). The multiply hides the linear
// structure of the low bits; this is the generator stress tests use by default.
//
// Invariant: the state is never zero (XorshiftSeed remaps a zero seed), so the
// period is 2^64 - 1. default(Xorshift64Star) has a zero state and returns
// zeros: always construct with a seed. One value per CPU or thread
// (StreamSeed.Derive), never shared.
namespace KernelStress.Prng;

public struct Xorshift64Star : IRandomSource
{
    internal const ulong Multiplier = 0x2545F4914F6CDD1D;

    private ulong _state;

    public Xorshift64Star(ulong seed)
    {
        _state = XorshiftSeed.NonZero(seed);
    }

    public ulong NextU64()
    {
        ulong x = Advance(_state);
        _state = x;
        return x * Multiplier;
    }

    public uint NextU32() => Sampling.NextU32(ref this);

    public int Range(int min, int maxExclusive) => Sampling.Range(ref this, min, maxExclusive);

    public ulong Range(ulong min, ulong maxExclusive) => Sampling.Range(ref this, min, maxExclusive);

    public double NextDouble() => Sampling.NextDouble(ref this);

    public bool Chance(double probability) => Sampling.Chance(ref this, probability);

    /// <summary>
    /// The state transition, shared with Xorshift64StarX4; the output is the new
    /// state times Multiplier. A pure function of a value (no ref), so the JIT
    /// keeps every state in a register.
    /// </summary>
    internal static ulong Advance(ulong x)
    {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        return x;
    }
}
