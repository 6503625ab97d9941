// What one stress run was asked to do: the flags of `stresstest KIND`, with
// their defaults filled in, and whether the autonomy controller runs.
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal struct StressOptions
    {
        public StressKind Kind;
        public ulong DurationMs;
        public ulong Seed;
        public uint NoisePct;
        public uint TargetPressurePct;
        public uint OomProbabilityPct;
        public uint RatePerSecond;
        public uint Episodes;
        public uint FailRatePct;
        public bool ExpectFailures;
        public bool Summary;
        public bool Verbose;
        public bool Autonomy;
        // Chaos kinds whose recovery is switched off (test-only, chaos's --sabotage), one bit per ChaosEvent.
        public uint Sabotage;

        public static StressOptions From(ParsedCommand command, StressKind kind, bool autonomy)
        {
            StressOptions options = default;
            options.Kind = kind;
            options.DurationMs = command.GetUnsigned(ShellCommands.StressDuration, 5000);
            bool seedGiven = command.TryGetUnsigned(ShellCommands.StressSeed, out ulong seed);
            options.Seed = RunSeed.Choose(seedGiven, seed);
            options.NoisePct = (uint)command.GetUnsigned(ShellCommands.StressNoise, 10);
            options.TargetPressurePct = (uint)command.GetUnsigned(ShellCommands.StressTargetPressure, 80);
            options.OomProbabilityPct = (uint)command.GetUnsigned(ShellCommands.StressOomProbability, 30);
            options.RatePerSecond = (uint)command.GetUnsigned(ShellCommands.StressRate, 1000);
            options.Episodes = (uint)command.GetUnsigned(ShellCommands.StressEpisodes, 20);
            options.FailRatePct = (uint)command.GetUnsigned(ShellCommands.StressFailRate, 0);
            options.ExpectFailures = command.Has(ShellCommands.StressExpectFailures);
            options.Summary = command.Has(ShellCommands.StressSummary);
            options.Verbose = command.Has(ShellCommands.StressVerbose);
            options.Autonomy = autonomy;
            return options;
        }
    }
}
