// The verdict and human lines of `stresstest scale`: each phase's error rate
// is judged with the progressive-load plan's levels (warn over 0.1 %, fail over 1 %); the
// worst phase decides (PARTIAL on a warning). Throughput, latency and scaling
// efficiency are measured and reported, not judged: they are what the run is
// for, and a shared host's CPUs make no promise about them.
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Metrics;
using KernelStress.Shell;
using KernelStress.Kernel.Records;

namespace KernelStress.Kernel.Stress.Kinds.Scale
{
    internal static class ScaleVerdict
    {
        private const long ErrorWarnPpm = 1_000;
        private const long ErrorFailPpm = 10_000;

        public static void Judge(TextSink reason)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            long worstPpm = 0;
            long heapPeak = 0;
            int worst = -1;
            for (int phase = 0; phase < StressPhases.Count; phase++)
            {
                heapPeak = System.Math.Max(heapPeak, StressPhases.Get(phase, PhaseCounter.MemPeakBytes));
                long ops = StressPhases.Get(phase, PhaseCounter.Ops);
                long ppm = ops == 0 ? 0 : StressPhases.Get(phase, PhaseCounter.Failed) * 1_000_000 / ops;
                if (ppm > worstPpm || worst < 0)
                {
                    worstPpm = ppm;
                    worst = phase;
                }
            }
            // The run's heap peak is its worst phase's (the CSV's mem column for the result row).
            StressRun.Set(StressCounter.MemPeakBytes, heapPeak);
            reason.WriteDecimal(StressPhases.Count);
            reason.Write(" phases, "u8);
            reason.WriteDecimal(StressRun.Get(StressCounter.Ops));
            reason.Write(" operations, worst error rate "u8);
            reason.WriteDecimal(worstPpm);
            reason.Write(" ppm"u8);
            if (worst >= 0 && worstPpm > 0)
            {
                reason.Write(" ("u8);
                reason.Write(StressPhases.Name(worst));
                reason.Write(")"u8);
            }
            if (worstPpm > ErrorFailPpm)
                StressRun.Judge(StressVerdict.Fail);
            else if (worstPpm > ErrorWarnPpm)
                StressRun.Judge(StressVerdict.Partial);
        }

        // "  alloc_t4: 812345 ops/s p50=410ns p95=980ns p99=2100ns failed=0 cpu=99% heap_peak=2048B efficiency=93%"
        public static void Print(TextSink output)
        {
            for (int phase = 0; phase < StressPhases.Count; phase++)
            {
                StressPhases.Histogram(phase).Snapshot(StressRun.Snapshot);
                HistogramSummary latency = StressRun.Snapshot.Summarize();
                output.Write("  "u8);
                output.Write(StressPhases.Name(phase));
                output.Write(": "u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.AchievedRate));
                output.Write(" ops/s "u8);
                HistogramJson.WritePercentiles(output, latency);
                output.Write(" failed="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.Failed));
                output.Write(" cpu="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.CpuBusyPct));
                output.Write("% heap_peak="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.MemPeakBytes));
                output.Write("B efficiency="u8);
                output.WriteDecimal(StressPhases.Get(phase, PhaseCounter.ScalingEfficiencyPct));
                output.WriteLine("%"u8);
            }
        }
    }
}
