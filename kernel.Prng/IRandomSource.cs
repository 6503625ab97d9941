// The one operation every generator provides: the next 64 random bits.
//
// Generators are structs and are used through a generic constraint
// (`where TGen : struct, IRandomSource`), so every call is resolved at compile
// time: no virtual call on the hot path, in the kernel or on the host.
// Derived draws (ranges, doubles, coin flips) are built on top of NextU64 once,
// in Sampling.
namespace KernelStress.Prng;

public interface IRandomSource
{
    /// <summary>Advances the generator and returns the next 64 bits.</summary>
    ulong NextU64();
}
