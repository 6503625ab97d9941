// Turns a finished run's measurements into its verdict and reason, per kind.
// A failure recorded while running (StressRun.Fail) always stands.
//  memory/learning: FAIL when an OOM's recovery freed nothing (failed counts them);
//  commands: FAIL when a valid command printed an error, PARTIAL when under
//    90 % of the requested rate was reached;
//  chaos/multi: every injected fault recovered: PASS; some not: PARTIAL, or
//    with --expect-failures PASS when at least half recovered and FAIL below;
//  learning: PARTIAL unless the learned policy beats random and no autonomy on the
//    held-out evaluation seeds (LearningEvaluation);
//  redteam: FAIL when any adversarial input was accepted (set while running);
//  a run cancelled with Ctrl-C is at best PARTIAL.
using KernelStress.Kernel.Stress.Workloads;
using KernelStress.Kernel.Stress.Workloads.Leak;
using KernelStress.Kernel.Stress.Workloads.Mix;
using KernelStress.Kernel.Stress.Workloads.Ramp;
using KernelStress.Kernel.Stress.Workloads.Scale;
using KernelStress.Kernel.Stress.Workloads.Service;
using KernelStress.Kernel.Stress.Workloads.Storm;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static class StressVerdicts
    {
        public static void Judge()
        {
            if (StressRun.Options.Kind == StressKind.Chaos || StressRun.Options.Kind == StressKind.Multi)
                CountRecoveries();
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            TextSink reason = StressRun.Reason;
            switch (StressRun.Options.Kind)
            {
                case StressKind.Memory:
                    JudgeOom(reason);
                    break;
                case StressKind.Commands:
                    JudgeCommands(reason);
                    break;
                case StressKind.Learning:
                    JudgeLearning(reason);
                    break;
                case StressKind.Leak:
                    LeakVerdict.Judge(reason);
                    break;
                case StressKind.Scale:
                    ScaleVerdict.Judge(reason);
                    break;
                case StressKind.Concurrency:
                    ConcurrencyWorkload.Judge(reason);
                    break;
                case StressKind.Recovery:
                    RecoveryWorkload.Judge(reason);
                    break;
                case StressKind.Mix:
                    MixWorkload.Judge(reason);
                    break;
                case StressKind.Storm:
                    StormVerdict.Judge(reason);
                    break;
                case StressKind.Ramp:
                    RampVerdict.Judge(reason);
                    break;
                case StressKind.Redteam:
                    reason.Write("every adversarial input was rejected ("u8);
                    reason.WriteDecimal(StressRun.Get(StressCounter.Rejected));
                    reason.Write(") and "u8);
                    reason.WriteDecimal(StressRun.Get(StressCounter.FuzzLines));
                    reason.Write(" random lines parsed without harm"u8);
                    break;
                default:
                    JudgeRecoveries(reason);
                    if (StressRun.Options.Kind == StressKind.Multi && StressRun.Get(StressCounter.CommandErrors) > 0)
                        StressRun.Fail("a valid command printed an error line"u8);
                    break;
            }
            if (StressRun.Cancelled)
            {
                StressRun.Judge(StressVerdict.Partial);
                StressRun.Reason.Write("; cancelled by Ctrl-C"u8);
            }
        }

        private static void JudgeOom(TextSink reason)
        {
            long ooms = StressRun.Get(StressCounter.OomEvents);
            long recovered = StressRun.Get(StressCounter.OomRecoveries);
            reason.WriteDecimal(ooms);
            reason.Write(" OOM event(s), "u8);
            reason.WriteDecimal(recovered);
            reason.Write(" recovered by freeing 20-70% of the pool"u8);
            long unrecovered = StressRun.Get(StressCounter.Failed);
            if (unrecovered > 0)
            {
                reason.Write("; "u8);
                reason.WriteDecimal(unrecovered);
                reason.Write(" OOM event(s) whose recovery freed nothing"u8);
                StressRun.Judge(StressVerdict.Fail);
            }
        }

        private static void JudgeCommands(TextSink reason)
        {
            long commands = StressRun.Get(StressCounter.Commands);
            long late = StressRun.Get(StressCounter.CommandsLate);
            if (StressRun.Get(StressCounter.CommandErrors) > 0)
            {
                StressRun.Fail("a valid command printed an error line"u8);
                return;
            }
            ulong durationMs = StressRun.DurationMs == 0 ? 1 : StressRun.DurationMs;
            long achieved = (long)((ulong)commands * 1000 / durationMs);
            StressRun.Set(StressCounter.AchievedRate, achieved);
            reason.WriteDecimal(commands);
            reason.Write(" commands dispatched, "u8);
            reason.WriteDecimal(achieved);
            reason.Write(" per second of "u8);
            reason.WriteDecimal((ulong)StressRun.Options.RatePerSecond);
            reason.Write(" asked, "u8);
            reason.WriteDecimal(late);
            reason.Write(" late"u8);
            if (achieved * 10 < StressRun.Options.RatePerSecond * 9L)
            {
                StressRun.Judge(StressVerdict.Partial);
                reason.Write(": the dispatcher fell behind the requested rate"u8);
            }
        }

        private static void JudgeLearning(TextSink reason)
        {
            LearningRun.Quartiles(out double first, out double last);
            StressRun.Set(StressCounter.Episodes, LearningRun.Episodes);
            StressRun.Set(StressCounter.FirstQuartileReward, (long)first);
            StressRun.Set(StressCounter.LastQuartileReward, (long)last);
            LearningEvaluation.Judge(reason);
            reason.Write("; training reward first quartile "u8);
            reason.WriteFixed(first, 1);
            reason.Write(", last "u8);
            reason.WriteFixed(last, 1);
            reason.Write("; "u8);
            JudgeOom(reason);
        }

        private static void CountRecoveries()
        {
            long faults = StressRun.Get(StressCounter.FaultsInjected);
            StressRun.Add(StressCounter.FaultsInjected, 0);
            StressRun.Add(StressCounter.Recovered, 0);
            StressRun.Add(StressCounter.RecoveryFailed, 0);
            StressRun.Set(StressCounter.SuccessPct, faults == 0 ? 100 : StressRun.Get(StressCounter.Recovered) * 100 / faults);
        }

        private static void JudgeRecoveries(TextSink reason)
        {
            long faults = StressRun.Get(StressCounter.FaultsInjected);
            long recovered = StressRun.Get(StressCounter.Recovered);
            long success = StressRun.Get(StressCounter.SuccessPct);
            reason.WriteDecimal(StressRun.Get(StressCounter.Events));
            reason.Write(" events, "u8);
            reason.WriteDecimal(recovered);
            reason.Write(" of "u8);
            reason.WriteDecimal(faults);
            reason.Write(" injected faults recovered"u8);
            if (recovered == faults)
                return;
            if (!StressRun.Options.ExpectFailures)
            {
                StressRun.Judge(StressVerdict.Partial);
                return;
            }
            if (success >= 50)
            {
                reason.Write(" (expected failures: at least 50% recovered)"u8);
                return;
            }
            StressRun.Fail("fewer than 50% of the injected faults were recovered"u8);
        }
    }
}
