// `stresstest mix`: a weighted mix of heap operations, shell commands and
// garbage input (MixWorkload). As many operations as asked, as fast as they
// go: no deadline (duration 0), no controller. Weights not given keep the
// requirement's 40/40/20; at least one must be above zero.
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Mix
{
    internal static unsafe class MixKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("mix"u8, ShellCommandId.StresstestMix,
            &Configure, &Start, &MixWorkload.Judge, &MixWorkload.Print)
        {
            CounterNames = new LiteralName(MixCounters.Names),
            BoundName = new LiteralName("ops"u8),
            Bound = &Bound,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            ulong memory = command.TryGetKeyValue(ShellCommands.StressWeights, "memory", out ulong m) ? m : 40;
            ulong commands = command.TryGetKeyValue(ShellCommands.StressWeights, "commands", out ulong c) ? c : 40;
            ulong noise = command.TryGetKeyValue(ShellCommands.StressWeights, "noise", out ulong n) ? n : 20;
            if (memory + commands + noise == 0)
            {
                output.WriteLine("error: stresstest mix: --weights must give at least one kind a weight above 0, e.g. --weights memory:40,commands:40,noise:20"u8);
                return false;
            }
            MixWorkload.Configure(command.GetUnsigned(ShellCommands.StressOps, 10_000), memory, commands, noise);
            return true;
        }

        private static ulong Bound() => MixWorkload.OpsWanted;

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            MixWorkload.Run(StressRun.AddHistogram(StressHistogram.OpLatency), poll);
            return true;
        }
    }
}
