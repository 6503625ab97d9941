// `stresstest KIND [flags]`, `stresstest compare KIND [flags]` and
// `stresstest report [--json]`: parses the flags into StressOptions and hands
// over to kernel/stress (StressCoordinator, StressCompare, StressReport).
// Autonomy follows `autonomy on|off` except in compare (off, then on) and in
// learning (the learner drives the controller, so it always runs).
using System;
using KernelStress.Kernel.Stress;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Workloads;
using KernelStress.Kernel.Stress.Workloads.Leak;
using KernelStress.Kernel.Stress.Workloads.Mix;
using KernelStress.Kernel.Stress.Workloads.Ramp;
using KernelStress.Kernel.Stress.Workloads.Scale;
using KernelStress.Kernel.Stress.Workloads.Service;
using KernelStress.Kernel.Stress.Workloads.Storm;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class StresstestCommand
    {
        // Seed 002's levels, in snapshots per second.
        private static readonly ulong[] s_defaultLevels = { 5, 10, 25, 50 };
        // Seed 004's thread counts, and every component.
        private static readonly ulong[] s_defaultThreads = { 1, 2, 4, 8, 16 };
        private static readonly ulong[] s_allComponents = { 0, 1, 2, 3, 4 };
        private const ulong MinScalePhaseMs = 50;

        public static void Run(ParsedCommand command, StressKind kind, TextSink output)
        {
            StressOptions options = StressOptions.From(command, kind, kind == StressKind.Learning || AutonomyController.Armed);
            if (kind == StressKind.Learning && options.DurationMs / options.Episodes < LearningRun.MinEpisodeMs)
            {
                output.Write("error: stresstest learning: --duration / --episodes must leave at least "u8);
                output.WriteDecimal(LearningRun.MinEpisodeMs);
                output.Write(" ms per episode, got "u8);
                output.WriteDecimal(options.DurationMs / options.Episodes);
                output.WriteLine(" ms; raise --duration or lower --episodes"u8);
                return;
            }
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // The run lasts as long as its levels (--duration does not apply); the controller does not run (nothing to steer).
        public static void Ramp(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Ramp, false);
            ReadOnlySpan<ulong> levels = command.GetList(ShellCommands.StressLevels);
            options.DurationMs = RampWorkload.Configure(levels.Length > 0 ? levels : s_defaultLevels,
                command.GetUnsigned(ShellCommands.StressLevelDuration, 2000), command.Has(ShellCommands.StressInjectLoss));
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // As many cycles as asked, however long they take: no deadline (duration 0), no controller.
        public static void Leak(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Leak, false);
            uint cycles = (uint)command.GetUnsigned(ShellCommands.StressCycles, 50);
            options.DurationMs = 0;
            LeakWorkload.Configure(cycles, command.Has(ShellCommands.StressInjectLeak));
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // --duration is the whole run, split evenly over every (component, thread count) phase; no controller.
        public static void Scale(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Scale, false);
            ReadOnlySpan<ulong> threads = command.GetList(ShellCommands.StressThreads);
            ReadOnlySpan<ulong> components = command.GetList(ShellCommands.StressComponents);
            if (threads.Length == 0)
                threads = s_defaultThreads;
            if (components.Length == 0)
                components = s_allComponents;
            ulong phases = (ulong)(threads.Length * components.Length);
            if (options.DurationMs / phases < MinScalePhaseMs)
            {
                output.Write("error: stresstest scale: --duration must leave at least "u8);
                output.WriteDecimal(MinScalePhaseMs);
                output.Write(" ms for each of the "u8);
                output.WriteDecimal(phases);
                output.Write(" phases (components x thread counts), got "u8);
                output.WriteDecimal(options.DurationMs / phases);
                output.WriteLine(" ms; raise --duration or list fewer --threads or --components"u8);
                return;
            }
            options.DurationMs = ScaleWorkload.Configure(threads, components, options.DurationMs / phases);
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // Until --duration; no controller (the service is what is measured).
        public static void Concurrency(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Concurrency, false);
            ConcurrencyWorkload.Configure((int)command.GetUnsigned(ShellCommands.StressClients, 20));
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // As many kills as asked, however long their recoveries take: no deadline (duration 0), no controller.
        public static void Recovery(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Recovery, false);
            options.DurationMs = 0;
            RecoveryWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressKills, 10), command.Has(ShellCommands.StressSabotageRestart));
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // As many operations as asked, as fast as they go: no deadline (duration 0), no controller.
        // Weights not given keep seed 000's (40/40/20); at least one must be above zero.
        public static void Mix(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Mix, false);
            options.DurationMs = 0;
            ulong memory = command.TryGetKeyValue(ShellCommands.StressWeights, "memory", out ulong m) ? m : 40;
            ulong commands = command.TryGetKeyValue(ShellCommands.StressWeights, "commands", out ulong c) ? c : 40;
            ulong noise = command.TryGetKeyValue(ShellCommands.StressWeights, "noise", out ulong n) ? n : 20;
            if (memory + commands + noise == 0)
            {
                output.WriteLine("error: stresstest mix: --weights must give at least one kind a weight above 0, e.g. --weights memory:40,commands:40,noise:20"u8);
                return;
            }
            MixWorkload.Configure(command.GetUnsigned(ShellCommands.StressOps, 10_000), memory, commands, noise);
            StressCoordinator.Run(options, command.Tokens, output);
        }

        // As many failures as asked: no deadline (duration 0), no controller.
        public static void Storm(ParsedCommand command, TextSink output)
        {
            StressOptions options = StressOptions.From(command, StressKind.Storm, false);
            options.DurationMs = 0;
            StormWorkload.Configure((uint)command.GetUnsigned(ShellCommands.StressFailures, 1000), command.Has(ShellCommands.StressSabotageDedup));
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
