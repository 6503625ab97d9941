// `stresstest learning`: the memory workload with the controller's memory
// action chosen by the Q-learner (LearningRun), which always runs the
// controller. PARTIAL when the last quartile's mean reward did not beat the
// first's, or when an OOM found nothing to free.
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Learning
{
    internal static unsafe class LearningKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("learning"u8, ShellCommandId.StresstestLearning,
            &Configure, &Start, &Judge, &Print)
        {
            Stop = &MemoryWorkload.Stop,
            Measure = &MemoryKind.Measure,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.Autonomy = true;
            if (options.DurationMs / options.Episodes >= LearningRun.MinEpisodeMs)
                return true;
            output.Write("error: stresstest learning: --duration / --episodes must leave at least "u8);
            output.WriteDecimal(LearningRun.MinEpisodeMs);
            output.Write(" ms per episode, got "u8);
            output.WriteDecimal(options.DurationMs / options.Episodes);
            output.WriteLine(" ms; raise --duration or lower --episodes"u8);
            return false;
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            QLearner.Reset();
            bool started = MemoryKind.StartWorkload(1, options.TargetPressurePct);
            AutonomyController.Learning = true;
            started &= AutonomyController.Start();
            LearningRun.Run(poll, output);
            return started;
        }

        private static void Judge(TextSink reason)
        {
            LearningRun.Quartiles(out double first, out double last);
            StressRun.Set(StressCounter.Episodes, LearningRun.Episodes);
            StressRun.Set(StressCounter.FirstQuartileReward, (long)first);
            StressRun.Set(StressCounter.LastQuartileReward, (long)last);
            reason.Write("mean reward first quartile "u8);
            reason.WriteFixed(first, 1);
            reason.Write(", last quartile "u8);
            reason.WriteFixed(last, 1);
            if (last > first)
            {
                reason.Write(": the learner improved"u8);
            }
            else
            {
                StressRun.Judge(StressVerdict.Partial);
                reason.Write(": no improvement"u8);
            }
            reason.Write("; "u8);
            MemoryKind.JudgeOom(reason);
        }

        private static void Print(TextSink output)
        {
            MemoryKind.PrintPressure(output);
            StressSummary.Line(output, "  Episodes: "u8, StressRun.Get(StressCounter.Episodes), ""u8);
            StressSummary.Line(output, "  First quartile mean reward: "u8, StressRun.Get(StressCounter.FirstQuartileReward), ""u8);
            StressSummary.Line(output, "  Last quartile mean reward: "u8, StressRun.Get(StressCounter.LastQuartileReward), ""u8);
        }
    }
}
