// `stresstest storm`: a failure storm reported deduplicated and throttled, and
// the edge cases (StormWorkload); judged and printed by StormVerdict. As many
// failures as asked: no deadline (duration 0), no controller.
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Storm
{
    internal static unsafe class StormKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor
        {
            Name = new LiteralName("storm"u8),
            Title = new LiteralName("Storm"u8),
            Command = ShellCommandId.StresstestStorm,
            Configure = &Configure,
            WriteBound = &WriteBound,
            Start = &Start,
            Judge = &StormVerdict.Judge,
            Print = &StormVerdict.Print,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.DurationMs = 0;
            StormWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressFailures, 1000));
            return true;
        }

        private static void WriteBound(TextSink output)
        {
            output.Write(": failures="u8);
            output.WriteDecimal(StormWorkload.Failures);
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            StormWorkload.Run(StressRun.AddHistogram(StressHistogram.FailureLatency), poll, output);
            return true;
        }
    }
}
