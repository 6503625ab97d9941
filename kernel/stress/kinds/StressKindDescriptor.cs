// What the coordinator, the shell and the summary need from one stresstest kind,
// as function pointers (the kernel has no interface dispatch with many
// implementations). Each kind's folder builds its descriptor; StressKinds holds
// them in one table indexed by StressKind. The order of a run:
//   Configure (shell thread, before the run: flags beyond StressOptions, checks),
//   Start (starts the kind's threads and does its part until the run ends),
//   Stop (after the stop request: joins what Start left running),
//   Measure (counters every verdict sees, even a FAIL's),
//   Judge (only when nothing failed while running: verdict and reason),
//   Print (the kind's detail lines, before the latency lines).
// A null Stop, Measure, WriteBound or WriteHeaderTail means the kind has none.
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds
{
    internal unsafe struct StressKindDescriptor
    {
        // The record's "test" and the word after `stresstest`.
        public LiteralName Name;
        // As the human lines spell it: "[STRESSTEST] Memory completed: ...".
        public LiteralName Title;
        public ShellCommandId Command;
        // `stresstest compare NAME`; 0 when the kind has none.
        public ShellCommandId CompareCommand;

        // False when it printed an error line and the run must not start.
        public delegate*<ParsedCommand, ref StressOptions, TextSink, bool> Configure;
        // The header's bound in place of ": duration=Nms", for kinds that run to a count.
        public delegate*<TextSink, void> WriteBound;
        // Written at the end of the header line.
        public delegate*<TextSink, void> WriteHeaderTail;
        // `poll` is the coordinator's periodic work, true when the run should end. False if a thread did not start.
        public delegate*<in StressOptions, TextSink, delegate*<bool>, bool> Start;
        public delegate*<void> Stop;
        public delegate*<void> Measure;
        public delegate*<TextSink, void> Judge;
        public delegate*<TextSink, void> Print;

        // Configure for the kinds that follow `autonomy on|off` and take no flags beyond StressOptions.
        public static bool FollowArmedAutonomy(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.Autonomy = AutonomyController.Armed;
            return true;
        }

        // Configure for the kinds without a controller (nothing to steer) and no further flags.
        public static bool WithoutAutonomy(ParsedCommand command, ref StressOptions options, TextSink output) => true;
    }
}
