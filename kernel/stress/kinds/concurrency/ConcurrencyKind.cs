// `stresstest concurrency`: --clients concurrent clients against one kernel
// service thread (ConcurrencyWorkload, stress/service/). Until --duration; no
// controller (the service is what is measured).
using KernelStress.Kernel.Runtime;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Concurrency
{
    internal static unsafe class ConcurrencyKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("concurrency"u8, ShellCommandId.StresstestConcurrency,
            &Configure, &Start, &ConcurrencyWorkload.Judge, &ConcurrencyWorkload.Print)
        {
            CounterNames = new LiteralName(ConcurrencyCounters.Names),
        };

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            ConcurrencyWorkload.Configure((int)command.GetUnsigned(ShellCommands.StressClients, 20), command.Has(ShellCommands.StressSabotageAnswers));
            return true;
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            ConcurrencyWorkload.Run(StressRun.AddHistogram(StressHistogram.RequestLatency), poll);
    }
}
