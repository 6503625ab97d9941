// The human lines of a stress run, in the seed's style:
//   [STRESSTEST] Memory: duration=5000ms seed=42 autonomy=off noise=10%
//   [STRESSTEST] Memory completed: duration=5001ms ops=123456 failed=4
//     Peak Pressure: 97%
//     ...
//     Alloc Latency: p50=52ns p95=143ns p99=398ns
//   Status: PASS (reason)
// With --summary only the completed line and the status.
using System;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Workloads;
using KernelStress.Kernel.Stress.Workloads.Leak;
using KernelStress.Kernel.Stress.Workloads.Mix;
using KernelStress.Kernel.Stress.Workloads.Ramp;
using KernelStress.Kernel.Stress.Workloads.Scale;
using KernelStress.Kernel.Stress.Workloads.Service;
using KernelStress.Kernel.Stress.Workloads.Storm;
using KernelStress.Metrics;
using KernelStress.Shell;
using KernelStress.Kernel.Records;

namespace KernelStress.Kernel.Stress
{
    internal static class StressSummary
    {
        public static void Header(TextSink output)
        {
            ref StressOptions options = ref StressRun.Options;
            StressOutput.Lock.Lock();
            output.Write("[STRESSTEST] "u8);
            output.Write(StressKinds.Title(options.Kind));
            if (!WorkloadBounds.Write(options.Kind, output))
            {
                output.Write(": duration="u8);
                output.WriteDecimal(options.DurationMs);
                output.Write("ms"u8);
            }
            output.Write(" seed="u8);
            output.WriteDecimal(options.Seed);
            output.Write(options.Autonomy ? " autonomy=on noise="u8 : " autonomy=off noise="u8);
            output.WriteDecimal((ulong)options.NoisePct);
            output.Write("%"u8);
            if (options.Kind == StressKind.Chaos || options.Kind == StressKind.Multi)
            {
                output.Write(" fail-rate="u8);
                output.WriteDecimal((ulong)options.FailRatePct);
                output.Write("%"u8);
            }
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }

        // --verbose, each second: "[STATUS] 1000ms ops=123 failed=0 pressure=78% oom=1 interventions=4".
        public static void Status(TextSink output)
        {
            StressOutput.Lock.Lock();
            output.Write("[STATUS] "u8);
            output.WriteDecimal(StressRun.ElapsedMs);
            output.Write("ms ops="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" failed="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Failed));
            output.Write(" pressure="u8);
            output.WriteDecimal((ulong)MemoryBudget.PressurePct);
            output.Write("% oom="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.OomEvents));
            output.Write(" interventions="u8);
            output.WriteDecimal(AutonomyController.Run.Value(AutonomyMetrics.TotalInterventions));
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }

        public static void Print(TextSink output)
        {
            StressOutput.Lock.Lock();
            output.Write("[STRESSTEST] "u8);
            output.Write(StressKinds.Title(StressRun.Options.Kind));
            output.Write(" completed: duration="u8);
            output.WriteDecimal(StressRun.DurationMs);
            output.Write("ms ops="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Ops));
            output.Write(" failed="u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Failed));
            output.WriteLine();
            if (!StressRun.Options.Summary)
                Details(output);
            output.Write("Status: "u8);
            StressVerdict verdict = StressRun.Verdict;
            output.Write(verdict == StressVerdict.Partial ? "PARTIAL PASS"u8 : StressRun.VerdictText(verdict));
            output.Write(" ("u8);
            output.Write(StressRun.ReasonText);
            output.WriteLine(")"u8);
            StressOutput.Lock.Unlock();
        }

        private static void Details(TextSink output)
        {
            StressKind kind = StressRun.Options.Kind;
            if (StressKinds.RunsMemoryWorkload(kind))
            {
                Line(output, "  Peak Pressure: "u8, StressRun.Get(StressCounter.PeakPressurePct), "%"u8);
                Line(output, "  Avg Pressure: "u8, StressRun.Get(StressCounter.AvgPressurePct), "%"u8);
                output.Write("  OOM Events: "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.OomEvents));
                output.Write(" (recovered "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.OomRecoveries));
                output.Write(", "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.BytesFreedOnRecovery));
                output.Write(" bytes freed; budget "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.MemBudgetBytes));
                output.WriteLine(" bytes)"u8);
            }
            if (kind == StressKind.Commands || kind == StressKind.Multi)
            {
                output.Write("  Commands: "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.Commands));
                output.Write(" (errors "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.CommandErrors));
                output.Write(", late "u8);
                output.WriteDecimal(StressRun.Get(StressCounter.CommandsLate));
                output.WriteLine(")"u8);
            }
            if (kind == StressKind.Chaos || kind == StressKind.Multi)
                ChaosLines(output);
            if (kind == StressKind.Redteam)
            {
                Line(output, "  Rejected: "u8, StressRun.Get(StressCounter.Rejected), ""u8);
                Line(output, "  Accepted (must be 0): "u8, StressRun.Get(StressCounter.Accepted), ""u8);
                Line(output, "  Fuzz lines: "u8, StressRun.Get(StressCounter.FuzzLines), ""u8);
            }
            if (kind == StressKind.Ramp)
                RampVerdict.Print(output);
            if (kind == StressKind.Leak)
                LeakVerdict.Print(output);
            if (kind == StressKind.Scale)
                ScaleVerdict.Print(output);
            if (kind == StressKind.Concurrency)
                ConcurrencyWorkload.Print(output);
            if (kind == StressKind.Recovery)
                RecoveryWorkload.Print(output);
            if (kind == StressKind.Mix)
                MixWorkload.Print(output);
            if (kind == StressKind.Storm)
                StormVerdict.Print(output);
            if (kind == StressKind.Learning)
            {
                Line(output, "  Episodes: "u8, StressRun.Get(StressCounter.Episodes), ""u8);
                Line(output, "  First quartile mean reward: "u8, StressRun.Get(StressCounter.FirstQuartileReward), ""u8);
                Line(output, "  Last quartile mean reward: "u8, StressRun.Get(StressCounter.LastQuartileReward), ""u8);
                LearningEvaluation.Print(output);
            }
            for (int i = 0; i < StressRun.HistogramCount; i++)
            {
                StressRun.Histogram(i).Snapshot(StressRun.Snapshot);
                Latency(output, StressHistograms.Label(StressRun.HistogramName(i)), StressRun.Snapshot);
            }
            if (StressRun.IsSet(StressCounter.CpuBusyPct))
                Line(output, "  CPU busy: "u8, StressRun.Get(StressCounter.CpuBusyPct), "%"u8);
            Interventions(output);
        }

        private static void ChaosLines(TextSink output)
        {
            Line(output, "  Chaos Events: "u8, StressRun.Get(StressCounter.Events), ""u8);
            Line(output, "  Faults Injected: "u8, StressRun.Get(StressCounter.FaultsInjected), ""u8);
            Line(output, "  Successful Recoveries: "u8, StressRun.Get(StressCounter.Recovered), ""u8);
            Line(output, "  Failed Recoveries: "u8, StressRun.Get(StressCounter.RecoveryFailed), ""u8);
            Line(output, "  Success Rate: "u8, StressRun.Get(StressCounter.SuccessPct), "%"u8);
            output.Write("  Events by type:"u8);
            for (int e = 0; e < ChaosEvents.Count; e++)
            {
                output.Write(" "u8);
                output.Write(ChaosEvents.Name((ChaosEvent)e));
                output.Write("="u8);
                output.WriteDecimal(ChaosEngine.ByType((ChaosEvent)e));
            }
            output.WriteLine();
        }

        // "  Alloc Latency: p50=52ns p95=143ns p99=398ns (count=1234 max=5678ns)"
        public static void Latency(TextSink output, ReadOnlySpan<byte> label, HistogramSnapshot snapshot)
        {
            HistogramSummary summary = snapshot.Summarize();
            output.Write("  "u8);
            output.Write(label);
            output.Write(": "u8);
            HistogramJson.WritePercentiles(output, summary);
            output.Write(" (count="u8);
            output.WriteDecimal(summary.Count);
            output.Write(" max="u8);
            output.WriteDecimal(summary.Max);
            output.WriteLine("ns)"u8);
        }

        private static void Interventions(TextSink output)
        {
            AutonomyMetrics run = AutonomyController.Run;
            output.Write("  AI interventions: "u8);
            output.WriteDecimal(run.Value(AutonomyMetrics.TotalInterventions));
            output.Write(" (succeeded "u8);
            output.WriteDecimal(run.Value(AutonomyMetrics.SuccessfulInterventions));
            output.WriteLine(")"u8);
            for (int i = 0; i < AutonomyMetrics.TotalInterventions; i++)
            {
                ulong value = run.Value(i);
                if (value == 0)
                    continue;
                output.Write("    - "u8);
                output.Write(AutonomyMetrics.CounterName(i));
                output.Write(": "u8);
                output.WriteDecimal(value);
                if (Records.ResultRecord.IsIntervention((AutonomyAction)i))
                {
                    output.Write(" (succeeded "u8);
                    output.WriteDecimal(AutonomyController.Succeeded((AutonomyAction)i));
                    output.Write(")"u8);
                }
                output.WriteLine();
            }
        }

        private static void Line(TextSink output, ReadOnlySpan<byte> label, long value, ReadOnlySpan<byte> unit)
        {
            output.Write(label);
            output.WriteDecimal(value);
            output.WriteLine(unit);
        }
    }
}
