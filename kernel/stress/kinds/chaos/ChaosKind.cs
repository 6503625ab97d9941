// `stresstest chaos`: the chaos engine (stress/chaos/) on the shell thread, the
// memory workload in the background at 60 % pressure, the controller when
// autonomy is on. Every injected fault recovered: PASS; some not: PARTIAL, or
// with --expect-failures PASS when at least half recovered and FAIL below.
// Its measure, verdict and lines also serve `multi`.
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Chaos
{
    internal static unsafe class ChaosKind
    {
        private const uint BackgroundPressurePct = 60;

        public static StressKindDescriptor Descriptor => new StressKindDescriptor
        {
            Name = new LiteralName("chaos"u8),
            Title = new LiteralName("Chaos"u8),
            Command = ShellCommandId.StresstestChaos,
            CompareCommand = ShellCommandId.StresstestCompareChaos,
            Configure = &StressKindDescriptor.FollowArmedAutonomy,
            WriteHeaderTail = &WriteFailRate,
            Start = &Start,
            Stop = &MemoryWorkload.Stop,
            Measure = &Measure,
            Judge = &JudgeRecoveries,
            Print = &Print,
        };

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            LatencyHistogram recovery = StressRun.AddHistogram(StressHistogram.RecoveryLatency);
            LatencyHistogram events = StressRun.AddHistogram(StressHistogram.EventLatency);
            bool started = MemoryKind.StartWorkload(1, BackgroundPressurePct);
            started &= StressCoordinator.StartController(options);
            ChaosEngine.Run(recovery, events, poll);
            return started;
        }

        public static void WriteFailRate(TextSink output)
        {
            output.Write(" fail-rate="u8);
            output.WriteDecimal((ulong)StressRun.Options.FailRatePct);
            output.Write("%"u8);
        }

        // The memory workload's figures and the recovery counts, which a FAIL's record carries too.
        public static void Measure()
        {
            MemoryKind.Measure();
            long faults = StressRun.Get(StressCounter.FaultsInjected);
            StressRun.Add(StressCounter.FaultsInjected, 0);
            StressRun.Add(StressCounter.Recovered, 0);
            StressRun.Add(StressCounter.RecoveryFailed, 0);
            StressRun.Set(StressCounter.SuccessPct, faults == 0 ? 100 : StressRun.Get(StressCounter.Recovered) * 100 / faults);
        }

        public static void JudgeRecoveries(TextSink reason)
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

        private static void Print(TextSink output)
        {
            MemoryKind.PrintPressure(output);
            PrintEvents(output);
        }

        public static void PrintEvents(TextSink output)
        {
            StressSummary.Line(output, "  Chaos Events: "u8, StressRun.Get(StressCounter.Events), ""u8);
            StressSummary.Line(output, "  Faults Injected: "u8, StressRun.Get(StressCounter.FaultsInjected), ""u8);
            StressSummary.Line(output, "  Successful Recoveries: "u8, StressRun.Get(StressCounter.Recovered), ""u8);
            StressSummary.Line(output, "  Failed Recoveries: "u8, StressRun.Get(StressCounter.RecoveryFailed), ""u8);
            StressSummary.Line(output, "  Success Rate: "u8, StressRun.Get(StressCounter.SuccessPct), "%"u8);
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
    }
}
