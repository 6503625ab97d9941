// Per-CPU / per-thread streams from one run seed.
//
// Stream k's seed is output k of SplitMix64(runSeed), computed directly (the
// Weyl sequence allows random access). So a run is reproducible from the one
// seed it prints, and SMP threads never share generator state: CPU k builds
// `new Xorshift64Star(StreamSeed.Derive(runSeed, k))` and owns it.
//
// Why the streams do not overlap in practice: Mix is a bijection, so distinct
// streams get distinct seeds, which land at effectively random points of the
// single 2^64 - 1 cycle of xorshift64*; n streams of length L overlap with
// probability about n^2 * L / 2^64 (16 streams of 2^40 draws: about 2^-16).
namespace KernelStress.Prng;

public static class StreamSeed
{
    public static ulong Derive(ulong runSeed, ulong stream) =>
        SplitMix64.Mix(runSeed + (stream + 1) * SplitMix64.Gamma);
}
