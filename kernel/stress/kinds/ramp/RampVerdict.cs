// The verdict and human lines of `stresstest ramp`:
//  FAIL when any injected item was lost, duplicated or corrupt (the progressive-load plan's
//    "Data Integrity: all generated snapshots processed"; here not 5 % but
//    none may go), or when the first level was not sustained;
//  PARTIAL when a later level failed a threshold (the ramp found its limit:
//    the highest sustained level is the last one before it) or warned;
//  PASS when every level stayed within every threshold (RampThresholds).
using System;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Metrics;
using KernelStress.Shell;
using KernelStress.Kernel.Records;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static class RampVerdict
    {
        private static readonly RampLevelStatus[] s_status = new RampLevelStatus[ShellLimits.MaxListElements];
        private static readonly ulong[] s_p99 = new ulong[ShellLimits.MaxListElements];
        private static int s_firstFailed;

        public static void Judge(TextSink reason)
        {
            long lost = 0, duplicated = 0, corrupt = 0, heapPeak = 0;
            ulong highest = 0;
            s_firstFailed = -1;
            int warned = -1;
            ReadOnlySpan<byte> failedOn = default;
            ReadOnlySpan<byte> warnedOn = default;
            for (int level = 0; level < RampWorkload.LevelsRun; level++)
            {
                int phase = RampWorkload.LevelPhase(level);
                lost += StressPhases.Get(phase, PhaseCounter.Lost);
                duplicated += StressPhases.Get(phase, PhaseCounter.Duplicated);
                corrupt += StressPhases.Get(phase, PhaseCounter.Corrupt);
                heapPeak = Math.Max(heapPeak, StressPhases.Get(phase, PhaseCounter.MemPeakBytes));
                StressPhases.Histogram(phase).Snapshot(StressRun.Snapshot);
                s_p99[level] = StressRun.Snapshot.Summarize().P99;
                s_status[level] = RampThresholds.Judge(phase, s_p99[level], out ReadOnlySpan<byte> breach);
                if (s_status[level] == RampLevelStatus.Fail && s_firstFailed < 0)
                {
                    s_firstFailed = level;
                    failedOn = breach;
                }
                if (s_status[level] == RampLevelStatus.Warn && warned < 0)
                {
                    warned = level;
                    warnedOn = breach;
                }
                if (s_firstFailed < 0)
                    highest = Math.Max(highest, RampWorkload.Level(level));
            }
            StressRun.Set(RampCounters.Injected, (long)RampWorkload.Injected);
            StressRun.Set(RampCounters.Lost, lost);
            StressRun.Set(RampCounters.Duplicated, duplicated);
            StressRun.Set(RampCounters.Corrupt, corrupt);
            StressRun.Set(RampCounters.DrainUs, (long)RampWorkload.DrainUs);
            StressRun.Set(RampCounters.HighestSustainedRate, (long)highest);
            // The run's heap peak is its worst level's (the CSV's mem column for the result row).
            StressRun.Set(StressCounter.MemPeakBytes, heapPeak);

            if (lost + duplicated + corrupt > 0)
            {
                reason.Write("data integrity: "u8);
                WriteAccounting(reason, lost, duplicated, corrupt);
                StressRun.Judge(StressVerdict.Fail);
                return;
            }
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            WriteAccounting(reason, lost, duplicated, corrupt);
            reason.Write("; highest sustained level "u8);
            reason.WriteDecimal(highest);
            reason.Write("/s"u8);
            if (s_firstFailed == 0)
            {
                reason.Write(": the first level failed on "u8);
                reason.Write(failedOn);
                StressRun.Judge(StressVerdict.Fail);
            }
            else if (s_firstFailed > 0)
            {
                reason.Write("; level "u8);
                reason.WriteDecimal(RampWorkload.Level(s_firstFailed));
                reason.Write("/s failed on "u8);
                reason.Write(failedOn);
                StressRun.Judge(StressVerdict.Partial);
            }
            else if (warned >= 0)
            {
                reason.Write("; level "u8);
                reason.WriteDecimal(RampWorkload.Level(warned));
                reason.Write("/s warned on "u8);
                reason.Write(warnedOn);
                StressRun.Judge(StressVerdict.Partial);
            }
        }

        // "1450 injected, all validated once, drained in 212 us" or "... 14 lost, 0 duplicated, 0 corrupt".
        private static void WriteAccounting(TextSink reason, long lost, long duplicated, long corrupt)
        {
            reason.WriteDecimal(RampWorkload.Injected);
            reason.Write(" items injected, "u8);
            if (lost + duplicated + corrupt == 0)
            {
                reason.Write("each validated exactly once"u8);
            }
            else
            {
                reason.WriteDecimal(lost);
                reason.Write(" lost, "u8);
                reason.WriteDecimal(duplicated);
                reason.Write(" duplicated, "u8);
                reason.WriteDecimal(corrupt);
                reason.Write(" corrupt"u8);
            }
            reason.Write(", queue drained in "u8);
            reason.WriteDecimal(RampWorkload.DrainUs);
            reason.Write(" us"u8);
        }

        // "  Level 25/s: achieved 25/s p50=...ns p95=...ns p99=...ns cpu=3% heap=4096B mem=2% queue<=3 backpressure=0 lost=0 dup=0 corrupt=0 ok"
        public static void Print(TextSink output)
        {
            for (int level = 0; level < RampWorkload.LevelsRun; level++)
            {
                int phase = RampWorkload.LevelPhase(level);
                StressPhases.Histogram(phase).Snapshot(StressRun.Snapshot);
                HistogramSummary latency = StressRun.Snapshot.Summarize();
                output.Write("  Level "u8);
                output.WriteDecimal(RampWorkload.Level(level));
                output.Write("/s: achieved "u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.AchievedRate));
                output.Write("/s in "u8);
                output.WriteDecimal(StressPhases.DurationMs(phase));
                output.Write("ms "u8);
                HistogramJson.WritePercentiles(output, latency);
                output.Write(" cpu="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.CpuBusyPct));
                output.Write("% heap_peak="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.MemPeakBytes));
                output.Write("B mem="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.MemPct));
                output.Write("% queue_peak="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.QueuePeak));
                output.Write(" backpressure="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.Backpressure));
                output.Write(" lost="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.Lost));
                output.Write(" dup="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.Duplicated));
                output.Write(" corrupt="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.Corrupt));
                output.Write(" "u8);
                output.WriteLine(RampThresholds.Name(s_status[level]));
            }
            output.Write("  Items: injected "u8);
            output.WriteDecimal(RampWorkload.Injected);
            output.Write(", validated "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(", drained in "u8);
            output.WriteDecimal(RampWorkload.DrainUs);
            output.WriteLine(" us"u8);
            output.Write("  Highest sustained level: "u8);
            output.WriteDecimal(StressRun.Get(RampCounters.HighestSustainedRate));
            output.WriteLine("/s"u8);
        }
    }
}
