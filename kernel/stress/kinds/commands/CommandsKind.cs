// `stresstest commands`: the command flood at --rate on the shell thread, the
// controller when autonomy is on. FAIL when a valid command printed an error,
// PARTIAL when under 90 % of the requested rate was reached.
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Commands
{
    internal static unsafe class CommandsKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("commands"u8, ShellCommandId.StresstestCommands,
            &StressKindDescriptor.FollowArmedAutonomy, &Start, &Judge, &PrintCommands)
        {
            CompareCommand = ShellCommandId.StresstestCompareCommands,
        };

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            LatencyHistogram commands = StressRun.AddHistogram(StressHistogram.CommandLatency);
            bool started = StressCoordinator.StartController(options);
            CommandFlood.Run(commands, poll, true);
            return started;
        }

        private static void Judge(TextSink reason)
        {
            long commands = StressRun.Get(StressCounter.Commands);
            long late = StressRun.Get(StressCounter.CommandsLate);
            if (StressRun.Get(StressCounter.CommandErrors) > 0)
            {
                StressRun.Fail("a valid command printed an error line"u8);
                return;
            }
            ulong durationMs = StressRun.DurationMs == 0 ? 1 : StressRun.DurationMs;
            long achieved = (long)((ulong)commands * 1000 / durationMs);
            StressRun.Set(StressCounter.AchievedRate, achieved);
            reason.WriteDecimal(commands);
            reason.Write(" commands dispatched, "u8);
            reason.WriteDecimal(achieved);
            reason.Write(" per second of "u8);
            reason.WriteDecimal((ulong)StressRun.Options.RatePerSecond);
            reason.Write(" asked, "u8);
            reason.WriteDecimal(late);
            reason.Write(" late"u8);
            if (achieved * 10 < StressRun.Options.RatePerSecond * 9L)
            {
                StressRun.Judge(StressVerdict.Partial);
                reason.Write(": the dispatcher fell behind the requested rate"u8);
            }
        }

        public static void PrintCommands(TextSink output)
        {
            output.Write("  Commands: "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.Commands));
            output.Write(" (errors "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.CommandErrors));
            output.Write(", late "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.CommandsLate));
            output.WriteLine(")"u8);
        }
    }
}
