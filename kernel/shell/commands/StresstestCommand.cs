// `stresstest KIND [flags]`, `stresstest compare KIND [flags]` and
// `stresstest report [--json]`: parses the common flags into StressOptions, lets
// the kind's descriptor take its own flags and checks (its Configure), and hands
// over to kernel/stress (StressCoordinator, StressCompare, StressReport).
// Compare runs autonomy off, then on.
using KernelStress.Kernel.Stress;
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static unsafe class StresstestCommand
    {
        public static void Run(ParsedCommand command, StressKind kind, TextSink output)
        {
            StressOptions options = StressOptions.From(command, kind, false);
            ref readonly StressKindDescriptor descriptor = ref StressKinds.Of(kind);
            // A kind that runs to a count has no deadline.
            if (!descriptor.BoundName.IsEmpty)
                options.DurationMs = 0;
            if (descriptor.Configure(command, ref options, output))
                StressCoordinator.Run(options, command.Tokens, output);
        }

        public static void Compare(ParsedCommand command, StressKind kind, TextSink output)
        {
            StressCompare.Run(StressOptions.From(command, kind, false), command.Tokens, output);
        }

        public static void Report(ParsedCommand command, TextSink output)
        {
            StressReport.Run(command.Has(ShellCommands.StressJson), output);
        }
    }
}
