// `selftest [prng|metrics|shell]`: runs the portable self-test tables inside
// the kernel (KTAP on the console, one `selftest` record per suite). The same
// cases run in the host's xunit suites; running them here proves the kernel's
// compiler and corelib give the same answers.
using System;
using KernelStress.Kernel.SelfTest;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class SelftestCommand
    {
        public static void RunAll(TextSink output)
        {
            Span<SelfTestSuite> suites = stackalloc SelfTestSuite[SelfTestSuites.Count];
            suites[0] = SelfTestSuite.Prng;
            suites[1] = SelfTestSuite.Metrics;
            suites[2] = SelfTestSuite.Shell;
            KtapRunner.Run(suites, output);
        }

        public static void RunOne(SelfTestSuite suite, TextSink output)
        {
            Span<SelfTestSuite> suites = stackalloc SelfTestSuite[1];
            suites[0] = suite;
            KtapRunner.Run(suites, output);
        }
    }
}
