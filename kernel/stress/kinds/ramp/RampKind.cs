// `stresstest ramp`: progressive load levels on the in-kernel pipeline
// (RampWorkload); judged and printed by RampVerdict. The run lasts as long as
// its levels (--duration does not apply); no controller (nothing to steer).
using System;
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal static unsafe class RampKind
    {
        // The default levels, in snapshots per second.
        private static readonly ulong[] s_defaultLevels = { 5, 10, 25, 50 };

        public static StressKindDescriptor Descriptor => new StressKindDescriptor("ramp"u8, ShellCommandId.StresstestRamp,
            &Configure, &Start, &RampVerdict.Judge, &RampVerdict.Print)
        {
            CounterNames = new LiteralName(RampCounters.Names),
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            ReadOnlySpan<ulong> levels = command.GetList(ShellCommands.StressLevels);
            options.DurationMs = RampWorkload.Configure(levels.Length > 0 ? levels : s_defaultLevels,
                command.GetUnsigned(ShellCommands.StressLevelDuration, 2000), command.Has(ShellCommands.StressInjectLoss));
            return true;
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            RampWorkload.Run(StressRun.AddHistogram(StressHistogram.ItemLatency), poll);
    }
}
