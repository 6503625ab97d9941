// The self-test suites the kernel can run, in one table so the runner treats
// them alike: the portable libraries' tables (the same code the host's xunit
// tests run) and the kernel's own memory and scheduler tests (HeapSelfTest,
// SchedSelfTest).
using System;
using KernelStress.Kernel.Runtime;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;

namespace KernelStress.Kernel.SelfTest
{
    internal enum SelfTestSuite
    {
        Prng,
        Metrics,
        Shell,
        Heap,
        Sched,
        Count,
    }

    internal static unsafe class SelfTestSuites
    {
        public const int Count = (int)SelfTestSuite.Count;

        private struct Suite
        {
            public LiteralName Name;
            public int CaseCount;
            public delegate*<int, ReadOnlySpan<byte>> CaseName;
            public delegate*<int, out ReadOnlySpan<byte>, bool> RunCase;
        }

        private static readonly Suite[] s_suites = Register();

        private static Suite[] Register()
        {
            var suites = new Suite[Count];
            suites[(int)SelfTestSuite.Prng] = Of("prng"u8, PrngSelfTest.Count, &PrngSelfTest.Name, &PrngSelfTest.Run);
            suites[(int)SelfTestSuite.Metrics] = Of("metrics"u8, MetricsSelfTest.Count, &MetricsSelfTest.Name, &MetricsSelfTest.Run);
            suites[(int)SelfTestSuite.Shell] = Of("shell"u8, ShellSelfTest.Count, &ShellSelfTest.Name, &ShellSelfTest.Run);
            suites[(int)SelfTestSuite.Heap] = Of("heap"u8, HeapSelfTest.Count, &HeapSelfTest.Name, &HeapSelfTest.Run);
            suites[(int)SelfTestSuite.Sched] = Of("sched"u8, SchedSelfTest.Count, &SchedSelfTest.Name, &SchedSelfTest.Run);
            // A member without its line would dispatch to a null function pointer.
            for (int i = 0; i < suites.Length; i++)
            {
                if (suites[i].RunCase == null)
                    Panic.Halt("selftest"u8, "a SelfTestSuite member has no line in SelfTestSuites.Register"u8);
            }
            return suites;
        }

        private static Suite Of(ReadOnlySpan<byte> name, int caseCount,
            delegate*<int, ReadOnlySpan<byte>> caseName, delegate*<int, out ReadOnlySpan<byte>, bool> runCase)
        {
            Suite suite;
            suite.Name = new LiteralName(name);
            suite.CaseCount = caseCount;
            suite.CaseName = caseName;
            suite.RunCase = runCase;
            return suite;
        }

        public static ReadOnlySpan<byte> Name(SelfTestSuite suite) => s_suites[(int)suite].Name.Span;

        public static int CaseCount(SelfTestSuite suite) => s_suites[(int)suite].CaseCount;

        public static ReadOnlySpan<byte> CaseName(SelfTestSuite suite, int index) => s_suites[(int)suite].CaseName(index);

        public static bool RunCase(SelfTestSuite suite, int index, out ReadOnlySpan<byte> reason) =>
            s_suites[(int)suite].RunCase(index, out reason);
    }
}
