// `stresstest scale`: per-component throughput at each thread count
// (ScaleWorkload); judged and printed by ScaleVerdict. --duration is the whole
// run, split evenly over every (component, thread count) phase; no controller.
using System;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Scale
{
    internal static unsafe class ScaleKind
    {
        // The default thread counts, and every component.
        private static readonly ulong[] s_defaultThreads = { 1, 2, 4, 8, 16 };
        private static readonly ulong[] s_allComponents = { 0, 1, 2, 3, 4 };
        private const ulong MinPhaseMs = 50;

        public static StressKindDescriptor Descriptor => new StressKindDescriptor("scale"u8, ShellCommandId.StresstestScale,
            &Configure, &Start, &ScaleVerdict.Judge, &ScaleVerdict.Print);

        private static bool Configure(ParsedCommand command, ref StressOptions options, TextSink output)
        {
            ReadOnlySpan<ulong> threads = command.GetList(ShellCommands.StressThreads);
            ReadOnlySpan<ulong> components = command.GetList(ShellCommands.StressComponents);
            if (threads.Length == 0)
                threads = s_defaultThreads;
            if (components.Length == 0)
                components = s_allComponents;
            ulong phases = (ulong)(threads.Length * components.Length);
            if (options.DurationMs / phases < MinPhaseMs)
            {
                output.Write("error: stresstest scale: --duration must leave at least "u8);
                output.WriteDecimal(MinPhaseMs);
                output.Write(" ms for each of the "u8);
                output.WriteDecimal(phases);
                output.Write(" phases (components x thread counts), got "u8);
                output.WriteDecimal(options.DurationMs / phases);
                output.WriteLine(" ms; raise --duration or list fewer --threads or --components"u8);
                return false;
            }
            options.DurationMs = ScaleWorkload.Configure(threads, components, options.DurationMs / phases);
            return true;
        }

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll) =>
            ScaleWorkload.Run(StressRun.AddHistogram(StressHistogram.OpLatency), poll);
    }
}
