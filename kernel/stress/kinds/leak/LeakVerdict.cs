// The verdict and human lines of `stresstest leak`: FAIL when the heap's bytes
// in use or the pages in use were above their baseline after any cycle, when
// the managed heap grew, or when an allocation failed or a block or histogram
// came back altered; otherwise PASS with the measured growth (zero).
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal static class LeakVerdict
    {
        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            int first = LeakWorkload.FirstGrowthCycle;
            if (first >= 0 || LeakWorkload.ManagedGrowth > 0)
            {
                StressRun.Judge(StressVerdict.Fail);
                reason.Write("growth beyond the tolerance of 0 bytes and 0 pages"u8);
                if (first >= 0)
                {
                    reason.Write(" from cycle "u8);
                    reason.WriteDecimal(first + 1);
                }
                reason.Write(": "u8);
            }
            else if (StressRun.Get(StressCounter.Failed) > 0)
            {
                StressRun.Judge(StressVerdict.Fail);
                reason.WriteDecimal(StressRun.Get(StressCounter.Failed));
                reason.Write(" allocation(s) failed or came back altered; "u8);
            }
            reason.WriteDecimal(StressRun.Get(LeakCounters.Cycles));
            reason.Write(" cycles, after the last: heap in use "u8);
            Signed(reason, LeakWorkload.HeapGrowth);
            reason.Write(" B, pages "u8);
            Signed(reason, LeakWorkload.PagesGrowth);
            reason.Write(", managed heap "u8);
            Signed(reason, LeakWorkload.ManagedGrowth);
            reason.Write(" B over the baseline"u8);
        }

        // "  Cycles: 50 of 4 threads, 24 blocks and a heap histogram per thread"
        // "  Growth over the baseline after the last cycle: heap in use +0 B, held +0 B, pages +0, managed +0 B (tolerance 0)"
        // with --verbose, one line per cycle: "  Cycle 7: heap in use 0 B (+0) held 0 B pages 2147 (+0)".
        public static void Print(TextSink output)
        {
            output.Write("  Cycles: "u8);
            output.WriteDecimal(StressRun.Get(LeakCounters.Cycles));
            output.Write(" of "u8);
            output.WriteDecimal(LeakWorkload.Workers);
            output.Write(" threads, "u8);
            output.WriteDecimal(LeakWorkload.BlocksPerWorker);
            output.WriteLine(" blocks and a heap histogram per thread"u8);
            if (StressRun.Options.Verbose)
            {
                for (int phase = 0; phase < StressPhases.Count; phase++)
                {
                    output.Write("  Cycle "u8);
                    output.WriteDecimal(phase + 1);
                    output.Write(": heap in use "u8);
                    output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.HeapInUseBytes));
                    output.Write(" B ("u8);
                    Signed(output, StressPhases.Get(phase, PhaseCounter.HeapGrowthBytes));
                    output.Write(") held "u8);
                    output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.HeapHeldBytes));
                    output.Write(" B pages "u8);
                    output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.PagesUsed));
                    output.Write(" ("u8);
                    Signed(output, StressPhases.Get(phase, PhaseCounter.PagesGrowth));
                    output.WriteLine(")"u8);
                }
            }
            output.Write("  Growth over the baseline after the last cycle: heap in use "u8);
            Signed(output, LeakWorkload.HeapGrowth);
            output.Write(" B, held "u8);
            Signed(output, StressRun.Get(LeakCounters.HeldGrowthBytes));
            output.Write(" B, pages "u8);
            Signed(output, LeakWorkload.PagesGrowth);
            output.Write(", managed "u8);
            Signed(output, LeakWorkload.ManagedGrowth);
            output.WriteLine(" B (tolerance 0)"u8);
        }

        private static void Signed(TextSink output, long value)
        {
            if (value >= 0)
                output.Write("+"u8);
            output.WriteDecimal(value);
        }
    }
}
