// Vigna's SplitMix64 (splitmix64.c; Steele, Lea and Flood, "Fast splittable
// pseudorandom number generators", OOPSLA 2014): a Weyl sequence with step
// Gamma passed through a 64-bit finalizer. Every seed, zero included, is valid.
//
// Used to turn one run seed into many well-separated generator seeds
// (StreamSeed); it is also a fine generator in its own right.
namespace KernelStress.Prng;

public struct SplitMix64 : IRandomSource
{
    /// <summary>The Weyl increment: 2^64 divided by the golden ratio, made odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong NextU64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>The finalizer: a bijection on 64-bit words that avalanches every input bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
