// Seeding rule shared by the xorshift generators.
//
// A xorshift state of zero is a fixed point (it yields zeros forever), so a
// zero seed is replaced by Marsaglia's own example seed 88172645463325252
// ("Xorshift RNGs", 2003). Every other seed is used as is, so a run is
// reproducible from the seed it prints.
namespace KernelStress.Prng;

internal static class XorshiftSeed
{
    internal const ulong ZeroReplacement = 88172645463325252;

    internal static ulong NonZero(ulong seed) => seed != 0 ? seed : ZeroReplacement;
}
