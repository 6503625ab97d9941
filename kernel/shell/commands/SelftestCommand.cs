// `selftest [prng|metrics|shell|heap|sched]`: runs the self-test tables inside the
// kernel (KTAP on the console, one `selftest` record per suite). The portable
// tables' cases run in the host's xunit suites too; running them here proves
// the kernel's compiler and corelib give the same answers. `heap` tests the
// page allocator and kernel heap, `sched` the scheduler: both exist only in the kernel.
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
            for (int i = 0; i < suites.Length; i++)
                suites[i] = (SelfTestSuite)i;
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
