// `stresstest concurrency`: --clients concurrent clients against one kernel
// service thread (ConcurrencyWorkload, stress/service/). Until --duration; no
// controller (the service is what is measured).
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Concurrency
{
    internal static unsafe class ConcurrencyKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor
        {
            Name = new LiteralName("concurrency"u8),
            Title = new LiteralName("Concurrency"u8),
            Command = ShellCommandId.StresstestConcurrency,
            Configure = &Configure,
            Start = &Start,
            Judge = &ConcurrencyWorkload.Judge,
            Print = &ConcurrencyWorkload.Print,
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            ConcurrencyWorkload.Configure((int)command.GetUnsigned(ShellCommands.StressClients, 20));
            return true;
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            ConcurrencyWorkload.Run(StressRun.AddHistogram(StressHistogram.RequestLatency), poll);
    }
}
