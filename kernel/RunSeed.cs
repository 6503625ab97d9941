// The seed of a randomized command: the one the user gave with --seed, or else
// a fresh one from the cycle counter (scrambled so that close counter values
// give unrelated seeds). Either way the command prints and records it, so any
// run can be replayed with --seed.
using KernelStress.Kernel.Arch;
using KernelStress.Prng;

namespace KernelStress.Kernel
{
    internal static class RunSeed
    {
        public static ulong Choose(bool given, ulong value)
        {
            if (given)
                return value;
            var mixer = new SplitMix64(Cpu.ReadCycleCounter());
            return mixer.NextU64();
        }
    }
}
