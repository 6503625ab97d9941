// `stresstest chaos`: the chaos engine (stress/chaos/) on the shell thread, the
// memory workload in the background at 60 % pressure, the controller when
// autonomy is on; --sabotage switches kinds' recoveries off (ChaosSabotage).
// Judged per chaos kind (ChaosVerdict), reported per kind (ChaosReport).
// Its measure, verdict and lines also serve `multi`.
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Chaos
{
    internal static unsafe class ChaosKind
    {
        private const uint BackgroundPressurePct = 60;

        public static StressKindDescriptor Descriptor => new StressKindDescriptor("chaos"u8, ShellCommandId.StresstestChaos,
            &Configure, &Start, &ChaosVerdict.Judge, &Print)
        {
            CompareCommand = ShellCommandId.StresstestCompareChaos,
            WriteHeaderTail = &WriteFailRate,
            Stop = &MemoryWorkload.Stop,
            Measure = &Measure,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.Sabotage = ChaosSabotage.FromCommand(command);
            return StressKindDescriptor.FollowArmedAutonomy(command, ref options, output);
        }

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
            ChaosReport.Print(output);
        }
    }
}
