// The independent PRNG streams of one run, all derived from the run's seed
// (StreamSeed.Derive): each thread draws from its own stream, so what one
// thread draws never depends on how the others were scheduled, and a seed
// replays the same choices (the chaos event sequence above all).
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress
{
    internal static class StressStreams
    {
        public const ulong Chaos = 1;
        public const ulong Controller = 2;
        public const ulong Commands = 3;
        public const ulong Redteam = 4;
        public const ulong Storm = 5;
        // Memory workers use MemoryBase + their index.
        public const ulong MemoryBase = 16;

        public static ulong Derive(ulong runSeed, ulong stream) => StreamSeed.Derive(runSeed, stream);
    }
}
