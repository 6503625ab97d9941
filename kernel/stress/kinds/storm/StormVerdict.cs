// The verdict and human lines of `stresstest storm`: FAIL naming the first
// check that broke, PASS when all held:
//  every injected failure failed (failed = 0);
//  memory stable: heap bytes in use, pages in use and managed heap unchanged by the storm;
//  reporting bounded: at most one first line and one repeat line per distinct
//    message per started second (and per flush at the end);
//  the tag table kept its bound and counted every emission;
//  the recursion reached depth 50 with every frame intact;
//  every edge case handled as EdgeCases states.
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static class StormVerdict
    {
        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            // The clock-jump edge case adds its own message; the storm's lines were counted before it.
            long lineBound = StormReporter.Messages * (2 + (long)(StressRun.DurationMs / 1000));
            if (StressRun.Get(StressCounter.Failed) > 0)
                StressRun.Fail("an injected failure did not fail"u8);
            else if (StressRun.Get(StormCounters.HeapGrowthBytes) != 0 || StressRun.Get(StormCounters.PagesGrowth) != 0
                || StressRun.Get(StormCounters.ManagedGrowthBytes) != 0)
                StressRun.Fail("memory changed during the failure storm"u8);
            else if (StressRun.Get(StormCounters.ReportLines) > lineBound)
                StressRun.Fail("the storm's reporting was not deduplicated and throttled"u8);
            else if (TagTable.Used > TagTable.Capacity || StressRun.Get(StormCounters.TagsCounted) != StormWorkload.TagExplosionKeys)
                StressRun.Fail("the tag table lost its bound or an emission"u8);
            else if (StressRun.Get(StormCounters.RecursionDepth) != StormWorkload.RecursionDepth)
                StressRun.Fail("the 50-deep recursion did not come back intact"u8);
            else if (StressRun.Get(StormCounters.EdgeEmptyIgnored) != 1
                || StressRun.Get(StormCounters.EdgeMillionStepsCounted) != (long)EdgeCases.MillionSteps
                || StressRun.Get(StormCounters.EdgeInvalidUtf8Rejected) != 1
                || StressRun.Get(StormCounters.EdgeClockJumpFlushes) != 1)
                StressRun.Fail("an edge case was not handled as stated"u8);
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            reason.WriteDecimal(StressRun.Get(StressCounter.Ops));
            reason.Write(" failures reported in "u8);
            reason.WriteDecimal(StressRun.Get(StormCounters.ReportLines));
            reason.Write(" lines, memory unchanged; "u8);
            reason.WriteDecimal(StormWorkload.TagExplosionKeys);
            reason.Write(" tags held in "u8);
            reason.WriteDecimal(TagTable.Used);
            reason.Write(" slots ("u8);
            reason.WriteDecimal(TagTable.Overflow);
            reason.Write(" overflowed); depth 50 recursion intact; 4 edge cases handled"u8);
        }

        // "  Reporting: 4 distinct messages, 6 lines for 1000 failures; memory: heap +0 B, pages +0, managed +0 B"
        // "  Tags: 10000 distinct keys, 64 tracked (bound 64), 9936 overflowed"
        // "  Recursion: depth 50 intact"
        // "  Edge cases: empty line ignored, 1000000 steps in 412 ms, invalid UTF-8 rejected, clock jump +1 h: 1 flush"
        public static void Print(TextSink output)
        {
            output.Write("  Reporting: "u8);
            output.WriteDecimal(StormReporter.Messages);
            output.Write(" distinct messages, "u8);
            output.WriteDecimal(StressRun.Get(StormCounters.ReportLines));
            output.Write(" lines for "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" failures; memory: heap +"u8);
            output.WriteDecimal(StressRun.Get(StormCounters.HeapGrowthBytes));
            output.Write(" B, pages +"u8);
            output.WriteDecimal(StressRun.Get(StormCounters.PagesGrowth));
            output.Write(", managed +"u8);
            output.WriteDecimal(StressRun.Get(StormCounters.ManagedGrowthBytes));
            output.WriteLine(" B"u8);
            output.Write("  Tags: "u8);
            output.WriteDecimal(StormWorkload.TagExplosionKeys);
            output.Write(" distinct keys, "u8);
            output.WriteDecimal(TagTable.Used);
            output.Write(" tracked (bound "u8);
            output.WriteDecimal(TagTable.Capacity);
            output.Write("), "u8);
            output.WriteDecimal(TagTable.Overflow);
            output.WriteLine(" overflowed"u8);
            output.Write("  Recursion: depth "u8);
            output.WriteDecimal(StressRun.Get(StormCounters.RecursionDepth));
            output.WriteLine(" intact"u8);
            output.Write("  Edge cases: empty line "u8);
            output.Write(StressRun.Get(StormCounters.EdgeEmptyIgnored) == 1 ? "ignored"u8 : "NOT ignored"u8);
            output.Write(", "u8);
            output.WriteDecimal(StressRun.Get(StormCounters.EdgeMillionStepsCounted));
            output.Write(" steps in "u8);
            output.WriteDecimal(StressRun.Get(StormCounters.EdgeMillionStepsMs));
            output.Write(" ms, invalid UTF-8 "u8);
            output.Write(StressRun.Get(StormCounters.EdgeInvalidUtf8Rejected) == 1 ? "rejected"u8 : "NOT rejected"u8);
            output.Write(", clock jump +1 h: "u8);
            output.WriteDecimal(StressRun.Get(StormCounters.EdgeClockJumpFlushes));
            output.WriteLine(" flush"u8);
        }
    }
}
