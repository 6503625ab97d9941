// One self-test case: its KTAP name and the function that runs it (true when
// it passed; on failure it sets `reason` to what broke). A suite is a table of
// them, and its case count is the table's length.
using System;
using KernelStress.Kernel.Runtime;

namespace KernelStress.Kernel.SelfTest
{
    internal readonly unsafe struct SelfTestCase
    {
        public readonly LiteralName Name;
        private readonly delegate*<ref ReadOnlySpan<byte>, bool> _run;

        public SelfTestCase(ReadOnlySpan<byte> name, delegate*<ref ReadOnlySpan<byte>, bool> run)
        {
            Name = new LiteralName(name);
            _run = run;
        }

        public static bool Run(SelfTestCase[] cases, int index, out ReadOnlySpan<byte> reason)
        {
            reason = default;
            return cases[index]._run(ref reason);
        }

        // One table after the other, for a suite made of two files' cases.
        public static SelfTestCase[] Join(SelfTestCase[] first, SelfTestCase[] second)
        {
            var all = new SelfTestCase[first.Length + second.Length];
            for (int i = 0; i < first.Length; i++)
                all[i] = first[i];
            for (int i = 0; i < second.Length; i++)
                all[first.Length + i] = second[i];
            return all;
        }
    }
}
