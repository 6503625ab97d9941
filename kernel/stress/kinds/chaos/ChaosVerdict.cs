// The verdict of a run with chaos events (chaos, multi), from the per-kind tally:
//  every injected fault recovered: PASS;
//  some not: PARTIAL, or with --expect-failures PASS when at least half
//    recovered, FAIL below that, and FAIL when a kind had at least three
//    faults and none recovered ("recovery of KIND never succeeded");
//  --sabotage given and a sabotaged kind never got a fault: PARTIAL (the
//    negative control did not run).
// The reason names every kind with a failed recovery: "...; not recovered:
// heap_corruption 4 of 4, disk_stall 1 of 3".
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Chaos
{
    internal static class ChaosVerdict
    {
        private static readonly CaptureSink s_text = new CaptureSink(384);

        public static void Judge(TextSink reason)
        {
            long faults = StressRun.Get(StressCounter.FaultsInjected);
            long recovered = StressRun.Get(StressCounter.Recovered);
            s_text.Clear();
            bool neverRecovered = StressRun.Options.ExpectFailures && WriteNeverRecovered(s_text);
            s_text.WriteDecimal(StressRun.Get(StressCounter.Events));
            s_text.Write(" events, "u8);
            s_text.WriteDecimal(recovered);
            s_text.Write(" of "u8);
            s_text.WriteDecimal(faults);
            s_text.Write(" injected faults recovered"u8);
            WriteFailedKinds(s_text);
            bool unexercised = WriteUnexercisedSabotage(s_text);
            if (neverRecovered)
            {
                StressRun.Fail(s_text.Written);
                return;
            }
            if (recovered < faults && StressRun.Options.ExpectFailures)
            {
                if (StressRun.Get(StressCounter.SuccessPct) < 50)
                {
                    StressRun.Fail("fewer than 50% of the injected faults were recovered: "u8);
                    reason.Write(s_text.Written);
                    return;
                }
                s_text.Write(" (expected failures: at least 50% recovered)"u8);
            }
            else if (recovered < faults)
            {
                StressRun.Judge(StressVerdict.Partial);
            }
            if (unexercised)
                StressRun.Judge(StressVerdict.Partial);
            reason.Write(s_text.Written);
        }

        // "recovery of KIND[, KIND] never succeeded: "; false (nothing written) when there is none.
        private static bool WriteNeverRecovered(TextSink text)
        {
            bool any = false;
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                if (!ChaosTally.NeverRecovered((ChaosEvent)e))
                    continue;
                text.Write(any ? ", "u8 : "recovery of "u8);
                text.Write(ChaosEvents.Name((ChaosEvent)e));
                any = true;
            }
            if (any)
                text.Write(" never succeeded: "u8);
            return any;
        }

        private static void WriteFailedKinds(TextSink text)
        {
            bool any = false;
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                long failed = ChaosTally.Failed((ChaosEvent)e);
                if (failed == 0)
                    continue;
                text.Write(any ? ", "u8 : "; not recovered: "u8);
                text.Write(ChaosEvents.Name((ChaosEvent)e));
                text.Write(" "u8);
                text.WriteDecimal(failed);
                text.Write(" of "u8);
                text.WriteDecimal(ChaosTally.Injected((ChaosEvent)e));
                any = true;
            }
        }

        private static bool WriteUnexercisedSabotage(TextSink text)
        {
            bool any = false;
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                if (!ChaosSabotage.Has((ChaosEvent)e) || ChaosTally.Injected((ChaosEvent)e) > 0)
                    continue;
                text.Write(any ? ", "u8 : "; sabotaged but never injected: "u8);
                text.Write(ChaosEvents.Name((ChaosEvent)e));
                any = true;
            }
            return any;
        }
    }
}
