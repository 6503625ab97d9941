// `stresstest learning`: the memory workload with the controller's memory
// action chosen by the Q-learner (LearningRun), which always runs the
// controller. PARTIAL unless the learned policy beats random and no autonomy
// on the held-out evaluation seeds (LearningEvaluation); FAIL when an OOM's
// recovery freed nothing.
using KernelStress.Kernel.Runtime;
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
            bool started = MemoryKind.StartWorkload(1, options.TargetPressurePct);
            started &= LearningRun.Run(poll, output);
            return started;
        }

        private static void Judge(TextSink reason)
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
            MemoryKind.JudgeOom(reason);
        }

        private static void Print(TextSink output)
        {
            MemoryKind.PrintPressure(output);
            StressSummary.Line(output, "  Episodes: "u8, StressRun.Get(StressCounter.Episodes), ""u8);
            StressSummary.Line(output, "  First quartile mean reward: "u8, StressRun.Get(StressCounter.FirstQuartileReward), ""u8);
            StressSummary.Line(output, "  Last quartile mean reward: "u8, StressRun.Get(StressCounter.LastQuartileReward), ""u8);
            LearningEvaluation.Print(output);
        }
    }
}
