// Entry point: `raw GENERATOR SEED` streams generator output (for dieharder);
// anything else goes to BenchmarkDotNet's switcher (--filter, --job, ...).
using BenchmarkDotNet.Running;

namespace KernelStress.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "raw")
        {
            return RawOutput.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
