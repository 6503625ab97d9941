// `stresstest leak`: create/destroy cycles (LeakWorkload); judged and printed
// by LeakVerdict. As many cycles as asked, however long they take: no deadline
// (duration 0), no controller.
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Leak
{
    internal static unsafe class LeakKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("leak"u8, ShellCommandId.StresstestLeak,
            &Configure, &Start, &LeakVerdict.Judge, &LeakVerdict.Print)
        {
            CounterNames = new LiteralName(LeakCounters.Names),
            BoundName = new LiteralName("cycles"u8),
            Bound = &Bound,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            uint cycles = (uint)command.GetUnsigned(ShellCommands.StressCycles, 50);
            LeakWorkload.Configure(cycles, command.Has(ShellCommands.StressInjectLeak));
            return true;
        }

        private static ulong Bound() => LeakWorkload.Cycles;

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            LeakWorkload.Run(StressRun.AddHistogram(StressHistogram.AllocLatency), poll);
    }
}
