// `stresstest leak`: create/destroy cycles (LeakWorkload); judged and printed
// by LeakVerdict. As many cycles as asked, however long they take: no deadline
// (duration 0), no controller.
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal static unsafe class LeakKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor
        {
            Name = new LiteralName("leak"u8),
            Title = new LiteralName("Leak"u8),
            Command = ShellCommandId.StresstestLeak,
            Configure = &Configure,
            WriteBound = &WriteBound,
            Start = &Start,
            Judge = &LeakVerdict.Judge,
            Print = &LeakVerdict.Print,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            uint cycles = (uint)command.GetUnsigned(ShellCommands.StressCycles, 50);
            options.DurationMs = 0;
            LeakWorkload.Configure(cycles, command.Has(ShellCommands.StressInjectLeak));
            return true;
        }

        private static void WriteBound(TextSink output)
        {
            output.Write(": cycles="u8);
            output.WriteDecimal(LeakWorkload.Cycles);
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            LeakWorkload.Run(StressRun.AddHistogram(StressHistogram.AllocLatency), poll);
    }
}
