// `stresstest redteam`: adversarial input to the shell grammar, the record
// encoder and the allocator (Redteam). FAIL when any input was accepted (set
// while running); otherwise PASS with the counts.
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Redteam
{
    internal static unsafe class RedteamKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("redteam"u8, ShellCommandId.StresstestRedteam,
            &StressKindDescriptor.FollowArmedAutonomy, &Start, &Judge, &Print);

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            Redteam.Run(StressRun.AddHistogram(StressHistogram.RejectLatency), poll);
            return true;
        }

        private static void Judge(TextSink reason)
        {
            reason.Write("every adversarial input was rejected ("u8);
            reason.WriteDecimal(StressRun.Get(StressCounter.Rejected));
            reason.Write(") and "u8);
            reason.WriteDecimal(StressRun.Get(StressCounter.FuzzLines));
            reason.Write(" random lines parsed without harm"u8);
        }

        private static void Print(TextSink output)
        {
            StressSummary.Line(output, "  Rejected: "u8, StressRun.Get(StressCounter.Rejected), ""u8);
            StressSummary.Line(output, "  Accepted (must be 0): "u8, StressRun.Get(StressCounter.Accepted), ""u8);
            StressSummary.Line(output, "  Fuzz lines: "u8, StressRun.Get(StressCounter.FuzzLines), ""u8);
        }
    }
}
