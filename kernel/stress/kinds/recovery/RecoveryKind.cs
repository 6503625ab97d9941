// `stresstest recovery`: kill a supervised service thread (RecoveryWorkload,
// stress/service/). As many kills as asked, however long their recoveries
// take: no deadline (duration 0), no controller.
using KernelStress.Kernel.Runtime;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Recovery
{
    internal static unsafe class RecoveryKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("recovery"u8, ShellCommandId.StresstestRecovery,
            &Configure, &Start, &RecoveryWorkload.Judge, &RecoveryWorkload.Print)
        {
            CounterNames = new LiteralName(RecoveryCounters.Names),
            BoundName = new LiteralName("kills"u8),
            Bound = &Bound,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            RecoveryWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressKills, 10), command.Has(ShellCommands.StressSabotageRestart));
            return true;
        }

        private static ulong Bound() => RecoveryWorkload.Kills;

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            LatencyHistogram restart = StressRun.AddHistogram(StressHistogram.RestartLatency);
            return RecoveryWorkload.Run(restart, StressRun.AddHistogram(StressHistogram.FirstSuccessLatency), poll);
        }
    }
}
