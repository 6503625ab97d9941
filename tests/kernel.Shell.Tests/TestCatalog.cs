// A test-only catalog shaped like the kernel's future commands (prng, sleep, autonomy, metrics,
// stresstest with shared and per-kind flags, nested `stresstest compare memory`), so that every
// flag kind, positional kind and nesting rule is exercised before the kernel adds those rows.
namespace KernelStress.Shell.Tests;

internal static class TestCatalog
{
    public const int Prng = 1;
    public const int Sleep = 2;
    public const int Say = 3;
    public const int Autonomy = 10;
    public const int AutonomyOn = 11;
    public const int AutonomyOff = 12;
    public const int AutonomyStatus = 13;
    public const int Metrics = 20;
    public const int MetricsReset = 21;
    public const int Stresstest = 30;
    public const int StressMemory = 31;
    public const int StressChaos = 32;
    public const int StressRamp = 33;
    public const int StressScale = 34;
    public const int StressMix = 35;
    public const int StressReport = 36;
    public const int StressCompare = 37;
    public const int CompareMemory = 38;
    public const int CompareChaos = 39;

    public static readonly FlagSpec Seed = FlagSpec.Unsigned("--seed", "N", 0, ulong.MaxValue, "Seed of the generator");
    public static readonly FlagSpec Count = FlagSpec.Unsigned("--count", "K", 1, 1_000_000, "How many numbers to print");
    public static readonly FlagSpec Gen = FlagSpec.Choice("--gen", new[] { "xorshift64", "xorshift64star" }, "The generator");
    public static readonly FlagSpec Loud = FlagSpec.Switch("--loud", "Shout");

    public static readonly FlagSpec Duration = FlagSpec.Unsigned("--duration", "MS", 1, 3_600_000, "Run time in milliseconds");
    public static readonly FlagSpec Noise = FlagSpec.Unsigned("--noise", "PCT", 0, 100, "Random variation in percent");
    public static readonly FlagSpec Summary = FlagSpec.Switch("--summary", "Print only the summary");
    public static readonly FlagSpec Verbose = FlagSpec.Switch("--verbose", "Print every event");
    public static readonly FlagSpec TargetPressure = FlagSpec.Unsigned("--target-pressure", "PCT", 0, 100, "Memory pressure to reach");
    public static readonly FlagSpec OomProbability = FlagSpec.Unsigned("--oom-probability", "PCT", 0, 100, "Chance of a forced OOM");
    public static readonly FlagSpec FailRate = FlagSpec.Unsigned("--fail-rate", "PCT", 0, 100, "Percent of events forced to fail",
        aliases: new[] { "--failure-rate" });
    public static readonly FlagSpec ExpectFailures = FlagSpec.Switch("--expect-failures", "Failures do not fail the run");
    public static readonly FlagSpec Levels = FlagSpec.UnsignedList("--levels", "PCT", 1, 100, 8, "Load levels in percent");
    public static readonly FlagSpec LevelDuration = FlagSpec.Unsigned("--level-duration", "MS", 1, 3_600_000, "Time per level");
    public static readonly FlagSpec Threads = FlagSpec.UnsignedList("--threads", "N", 1, 64, 5, "Thread counts to try");
    public static readonly FlagSpec Components = FlagSpec.ChoiceList("--components", "COMPONENT",
        new[] { "alloc", "hist", "prng", "sched", "shell" }, "Components to measure");
    public static readonly FlagSpec Ops = FlagSpec.Unsigned("--ops", "N", 1, 10_000_000, "Operations to run");
    public static readonly FlagSpec Weights = FlagSpec.KeyValueList("--weights", "KEY:PCT",
        new[] { "memory", "commands", "noise" }, 0, 100, "Mix of operations");
    public static readonly FlagSpec Json = FlagSpec.Switch("--json", "Print the report as JSON");

    public static readonly CommandCatalog Catalog = new CommandCatalog(new[]
    {
        new CommandSpec(Prng, "prng", "Print pseudo-random numbers", new PositionalSpec[0], new[] { Seed, Count, Gen }),
        new CommandSpec(Sleep, "sleep", "Sleep", new[] { PositionalSpec.Unsigned("MS", 1, 3_600_000, true, "How long") }, new FlagSpec[0]),
        new CommandSpec(Say, "say", "Say words", new[] { PositionalSpec.Text("TEXT", true, "The words") }, new[] { Loud }),
        new CommandSpec(Autonomy, "autonomy", "Switch the autonomy controller", new FlagSpec[0], true, new[]
        {
            new CommandSpec(AutonomyOn, "on", "Turn it on", new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec(AutonomyOff, "off", "Turn it off", new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec(AutonomyStatus, "status", "Show it", new PositionalSpec[0], new FlagSpec[0]),
        }),
        new CommandSpec(Metrics, "metrics", "Show the metrics", new FlagSpec[0], false, new[]
        {
            new CommandSpec(MetricsReset, "reset", "Zero the metrics", new PositionalSpec[0], new FlagSpec[0]),
        }),
        new CommandSpec(Stresstest, "stresstest", "Run a stress test", new[] { Duration, Seed, Noise, Summary, Verbose }, true, new[]
        {
            new CommandSpec(StressMemory, "memory", "Allocator pressure", new PositionalSpec[0], new[] { TargetPressure, OomProbability }),
            new CommandSpec(StressChaos, "chaos", "Random failures", new PositionalSpec[0], new[] { FailRate, ExpectFailures }),
            new CommandSpec(StressRamp, "ramp", "Progressive load", new PositionalSpec[0], new[] { Levels, LevelDuration }),
            new CommandSpec(StressScale, "scale", "Concurrency scaling", new PositionalSpec[0], new[] { Threads, Components }),
            new CommandSpec(StressMix, "mix", "Weighted operation mix", new PositionalSpec[0], new[] { Ops, Weights }),
            new CommandSpec(StressReport, "report", "Report the last runs", new PositionalSpec[0], new[] { Json }),
            new CommandSpec(StressCompare, "compare", "Autonomy on versus off", new FlagSpec[0], true, new[]
            {
                new CommandSpec(CompareMemory, "memory", "Allocator pressure", new PositionalSpec[0], new[] { TargetPressure, OomProbability }),
                new CommandSpec(CompareChaos, "chaos", "Random failures", new PositionalSpec[0], new[] { FailRate, ExpectFailures }),
            }),
        }),
    });
}
