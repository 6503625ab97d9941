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
        public static StressKindDescriptor Descriptor => new StressKindDescriptor
        {
            Name = new LiteralName("recovery"u8),
            Title = new LiteralName("Recovery"u8),
            Command = ShellCommandId.StresstestRecovery,
            Configure = &Configure,
            WriteBound = &WriteBound,
            Start = &Start,
            Judge = &RecoveryWorkload.Judge,
            Print = &RecoveryWorkload.Print,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            options.DurationMs = 0;
            RecoveryWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressKills, 10));
            return true;
        }

        private static void WriteBound(TextSink output)
        {
            output.Write(": kills="u8);
            output.WriteDecimal(RecoveryWorkload.Kills);
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            LatencyHistogram restart = StressRun.AddHistogram(StressHistogram.RestartLatency);
            return RecoveryWorkload.Run(restart, StressRun.AddHistogram(StressHistogram.FirstSuccessLatency), poll);
        }
    }
}
