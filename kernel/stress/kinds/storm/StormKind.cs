// `stresstest storm`: a failure storm reported deduplicated and throttled, and
// the edge cases (StormWorkload); judged and printed by StormVerdict. As many
// failures as asked: no deadline (duration 0), no controller.
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static unsafe class StormKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("storm"u8, ShellCommandId.StresstestStorm,
            &Configure, &Start, &StormVerdict.Judge, &StormVerdict.Print)
        {
            CounterNames = new LiteralName(StormCounters.Names),
            BoundName = new LiteralName("failures"u8),
            Bound = &Bound,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            StormWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressFailures, 1000), command.Has(ShellCommands.StressSabotageDedup));
            return true;
        }

        private static ulong Bound() => StormWorkload.Failures;

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            StormWorkload.Run(StressRun.AddHistogram(StressHistogram.FailureLatency), poll, output);
            return true;
        }
    }
}
