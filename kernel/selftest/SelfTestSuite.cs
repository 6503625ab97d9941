// The self-test tables the kernel can run, behind one switch so the runner treats
// them alike: the portable libraries' tables (the same code the host's xunit
// tests run) and the kernel's own memory and scheduler tests (HeapSelfTest,
// SchedSelfTest).
using System;
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
    }

    internal static class SelfTestSuites
    {
        public const int Count = 5;

        public static ReadOnlySpan<byte> Name(SelfTestSuite suite) => suite switch
        {
            SelfTestSuite.Prng => "prng"u8,
            SelfTestSuite.Metrics => "metrics"u8,
            SelfTestSuite.Heap => "heap"u8,
            SelfTestSuite.Sched => "sched"u8,
            _ => "shell"u8,
        };

        public static int CaseCount(SelfTestSuite suite) => suite switch
        {
            SelfTestSuite.Prng => PrngSelfTest.Count,
            SelfTestSuite.Metrics => MetricsSelfTest.Count,
            SelfTestSuite.Heap => HeapSelfTest.Count,
            SelfTestSuite.Sched => SchedSelfTest.Count,
            _ => ShellSelfTest.Count,
        };

        public static ReadOnlySpan<byte> CaseName(SelfTestSuite suite, int index) => suite switch
        {
            SelfTestSuite.Prng => PrngSelfTest.Name(index),
            SelfTestSuite.Metrics => MetricsSelfTest.Name(index),
            SelfTestSuite.Heap => HeapSelfTest.Name(index),
            SelfTestSuite.Sched => SchedSelfTest.Name(index),
            _ => ShellSelfTest.Name(index),
        };

        public static bool RunCase(SelfTestSuite suite, int index, out ReadOnlySpan<byte> reason) => suite switch
        {
            SelfTestSuite.Prng => PrngSelfTest.Run(index, out reason),
            SelfTestSuite.Metrics => MetricsSelfTest.Run(index, out reason),
            SelfTestSuite.Heap => HeapSelfTest.Run(index, out reason),
            SelfTestSuite.Sched => SchedSelfTest.Run(index, out reason),
            _ => ShellSelfTest.Run(index, out reason),
        };
    }
}
