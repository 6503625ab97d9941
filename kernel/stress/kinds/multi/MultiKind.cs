// `stresstest multi`: memory (one worker per CPU), commands and chaos at once:
// the flood on the shell thread, the chaos engine on a thread of its own, the
// controller when autonomy is on. Judged as chaos, and FAIL when a valid
// command printed an error line.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Kinds.Chaos;
using KernelStress.Kernel.Stress.Kinds.Commands;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Multi
{
    internal static unsafe class MultiKind
    {
        private static int s_chaosThread = -1;

        public static StressKindDescriptor Descriptor => new StressKindDescriptor("multi"u8, ShellCommandId.StresstestMulti,
            &StressKindDescriptor.FollowArmedAutonomy, &Start, &Judge, &Print)
        {
            CompareCommand = ShellCommandId.StresstestCompareMulti,
            WriteHeaderTail = &ChaosKind.WriteFailRate,
            Stop = &Stop,
            Measure = &ChaosKind.Measure,
        };

        // The histograms in this order: the chaos thread finds its two at 2 and 3.
        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            LatencyHistogram alloc = StressRun.AddHistogram(StressHistogram.AllocLatency);
            LatencyHistogram flood = StressRun.AddHistogram(StressHistogram.CommandLatency);
            StressRun.AddHistogram(StressHistogram.RecoveryLatency);
            StressRun.AddHistogram(StressHistogram.EventLatency);
            bool started = MemoryWorkload.Start(Scheduler.OnlineCpus, options.TargetPressurePct, alloc,
                StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));
            started &= StressCoordinator.StartController(options);
            s_chaosThread = Scheduler.Spawn("chaos"u8, &ChaosThread, 0, ThreadPriority.Normal);
            started &= s_chaosThread >= 0;
            CommandFlood.Run(flood, poll, true);
            return started;
        }

        // The chaos engine on its own thread, until the coordinator stops the run.
        private static void ChaosThread(nint unused)
        {
            ChaosEngine.Run(StressRun.Histogram(2), StressRun.Histogram(3), &Stopping);
        }

        private static bool Stopping() => StressRun.Stopping;

        private static void Stop()
        {
            MemoryWorkload.Stop();
            if (s_chaosThread >= 0)
                Scheduler.Join(s_chaosThread);
            s_chaosThread = -1;
        }

        private static void Judge(TextSink reason)
        {
            ChaosVerdict.Judge(reason);
            if (StressRun.Get(StressCounter.CommandErrors) > 0)
                StressRun.Fail("a valid command printed an error line"u8);
        }

        private static void Print(TextSink output)
        {
            MemoryKind.PrintPressure(output);
            CommandsKind.PrintCommands(output);
            ChaosKind.PrintEvents(output);
        }
    }
}
