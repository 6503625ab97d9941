// The kernel shell's command table. Adding a command is adding a row here (and an id in
// ShellCommandId); flags a command shares with its subcommands go on the parent row.
// The kernel calls Catalog.Validate once at start-up and panics if it fails.
// Field order matters: static fields initialise top to bottom, so Catalog comes last.
namespace KernelStress.Shell;

public static class ShellCommands
{
    public static readonly CommandSpec Help = new CommandSpec((int)ShellCommandId.Help, "help",
        "List the commands, or describe one with its arguments and flags",
        new[] { PositionalSpec.Text("COMMAND", false, "The command to describe, with any subcommand words") },
        new FlagSpec[0]);

    public static readonly CommandSpec Version = new CommandSpec((int)ShellCommandId.Version, "version",
        "Print the kernel version",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly CommandSpec Echo = new CommandSpec((int)ShellCommandId.Echo, "echo",
        "Print the arguments joined by one space",
        new[] { PositionalSpec.Text("TEXT", false, "The words to print; quote a word to keep its spaces") },
        new FlagSpec[0]);

    public static readonly CommandSpec Poweroff = new CommandSpec((int)ShellCommandId.Poweroff, "poweroff",
        "Power the machine off",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly FlagSpec PrngSeed = FlagSpec.Unsigned("--seed", "N", 0, ulong.MaxValue,
        "The seed; when absent one is chosen from the clock, printed and recorded");

    public static readonly FlagSpec PrngCount = FlagSpec.Unsigned("--count", "K", 1, 1_000_000,
        "How many numbers to print (default 10)");

    public static readonly FlagSpec PrngGenerator = FlagSpec.Choice("--gen", new[] { "xorshift64", "xorshift64star" },
        "The generator (default xorshift64star)");

    public static readonly CommandSpec Prng = new CommandSpec((int)ShellCommandId.Prng, "prng",
        "Print pseudo-random numbers, one per line, and a result record",
        new PositionalSpec[0],
        new[] { PrngSeed, PrngCount, PrngGenerator });

    public static readonly CommandSpec Metrics = new CommandSpec((int)ShellCommandId.Metrics, "metrics",
        "Show the kernel's latency histograms and autonomy counters",
        new FlagSpec[0], false,
        new[]
        {
            new CommandSpec((int)ShellCommandId.MetricsReset, "reset", "Zero the histograms and counters",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly CommandSpec Mem = new CommandSpec((int)ShellCommandId.Mem, "mem",
        "Show physical pages, the kernel heap and the managed heap, and a mem record",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly CommandSpec Selftest = new CommandSpec((int)ShellCommandId.Selftest, "selftest",
        "Run the self-tests inside the kernel: the portable libraries' tables, the allocators and the scheduler (KTAP output)",
        new FlagSpec[0], false,
        new[]
        {
            new CommandSpec((int)ShellCommandId.SelftestPrng, "prng", "Only the PRNG self-tests",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.SelftestMetrics, "metrics", "Only the metrics self-tests",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.SelftestShell, "shell", "Only the shell self-tests",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.SelftestHeap, "heap", "Only the page allocator and kernel heap self-tests",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.SelftestSched, "sched", "Only the scheduler self-tests (threads, sleep, preemption, mutex, kill, join)",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly FlagSpec FaultFatal = FlagSpec.Switch("--fatal",
        "Raise it on the shell's own thread, which halts the kernel with a panic record");

    public static readonly CommandSpec Fault = new CommandSpec((int)ShellCommandId.Fault, "fault",
        "Raise a CPU exception in a sacrificial thread (killed; the kernel goes on), or with --fatal in the shell",
        new[] { FaultFatal }, true,
        new[]
        {
            new CommandSpec((int)ShellCommandId.FaultDivideError, "de", "Divide error: integer division by zero",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.FaultInvalidOpcode, "ud", "Invalid opcode: an undefined instruction",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.FaultPageFault, "pf", "Page fault: a load from unmapped memory",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.FaultGeneralProtection, "gp", "General protection: a load from a non-canonical address",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.FaultStackOverflow, "stack", "Stack overflow: unbounded recursion into the guard page below the thread's stack",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly CommandSpec Sleep = new CommandSpec((int)ShellCommandId.Sleep, "sleep",
        "Wait the given milliseconds on the kernel's clock (the CPU halts between ticks)",
        new[] { PositionalSpec.Unsigned("MS", 1, 600_000, true, "Milliseconds to wait") },
        new FlagSpec[0]);

    public static readonly CommandSpec Uptime = new CommandSpec((int)ShellCommandId.Uptime, "uptime",
        "Time since reset on the kernel's clock, and the timer ticks counted",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly CommandSpec Ps = new CommandSpec((int)ShellCommandId.Ps, "ps",
        "List the kernel threads: id, name, state, priority, CPU, CPU time and switches, and a ps record",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly CommandSpec Cpus = new CommandSpec((int)ShellCommandId.Cpus, "cpus",
        "List the CPUs: hardware id, online, the thread each runs, ticks, idle share, switches, run-queue length, and a cpus record",
        new PositionalSpec[0],
        new FlagSpec[0]);

    public static readonly FlagSpec SpinInterruptsOff = FlagSpec.Switch("--interrupts-off",
        "Spin with interrupts disabled: the CPU takes no tick and cannot be preempted (the watchdog reports it)");

    public static readonly FlagSpec SpinCpu = FlagSpec.Unsigned("--cpu", "N", 0, 15,
        "Pin the spinning thread to CPU N (one of the online CPUs; see cpus)");

    public static readonly CommandSpec Spin = new CommandSpec((int)ShellCommandId.Spin, "spin",
        "Start a background thread that burns the CPU without yielding for MS milliseconds",
        new[] { PositionalSpec.Unsigned("MS", 1, 600_000, true, "Milliseconds to spin") },
        new[] { SpinInterruptsOff, SpinCpu });

    public static readonly FlagSpec IrqStormTarget = FlagSpec.Unsigned("--target", "N", 0, 15,
        "The CPU that takes the storm (default 0; an online CPU, see cpus)");

    public static readonly CommandSpec IrqStorm = new CommandSpec((int)ShellCommandId.IrqStorm, "irqstorm",
        "Flood a CPU with inter-processor interrupts for MS milliseconds from every other CPU; reports IPIs sent and taken and the target's ticks",
        new[] { PositionalSpec.Unsigned("MS", 1, 10_000, true, "Milliseconds the storm lasts") },
        new[] { IrqStormTarget });

    public static readonly FlagSpec WatchdogThreshold = FlagSpec.Unsigned("--threshold", "MS", 100, 60_000,
        "Report a CPU as stalled after MS milliseconds without a timer tick (default 1000)");

    public static readonly CommandSpec Watchdog = new CommandSpec((int)ShellCommandId.Watchdog, "watchdog",
        "Show the soft-lockup watchdog: threshold, stalls detected, each CPU's time since its last tick",
        new PositionalSpec[0],
        new[] { WatchdogThreshold });

    public static readonly CommandSpec Bench = new CommandSpec((int)ShellCommandId.Bench, "bench",
        "Measure kernel heap alloc+free, thread context switch and timer-interrupt latency (p50/p99 and result records)",
        new FlagSpec[0], false,
        new[]
        {
            new CommandSpec((int)ShellCommandId.BenchHeap, "heap", "Kernel heap alloc+free for 16 B to 64 KiB",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.BenchSwitch, "switch", "Thread context switch (two threads yielding)",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.BenchTimer, "timer", "Timer-interrupt latency (tick handler entry after the tick was due)",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    // stresstest: every test kind's row lists the flags it takes (the common ones and its own), and
    // its `compare` row the same; `report` takes only --json, so no flag is ever accepted and ignored.
    public static readonly FlagSpec StressDuration = FlagSpec.Unsigned("--duration", "MS", 100, 600_000,
        "How long the test runs, in milliseconds (default 5000)");

    public static readonly FlagSpec StressSeed = FlagSpec.Unsigned("--seed", "N", 0, ulong.MaxValue,
        "The seed of every random choice; when absent one is chosen from the clock, printed and recorded");

    public static readonly FlagSpec StressNoise = FlagSpec.Unsigned("--noise", "PCT", 0, 100,
        "Variability of sizes, delays and rates around their base, in percent (default 10)");

    public static readonly FlagSpec StressSummary = FlagSpec.Switch("--summary",
        "Print only the one-line summary and the status (the result record is complete either way)");

    public static readonly FlagSpec StressVerbose = FlagSpec.Switch("--verbose",
        "Also print every chaos event and learning episode as it happens, and a status line each second");

    public static readonly FlagSpec StressTargetPressure = FlagSpec.Unsigned("--target-pressure", "PCT", 10, 100,
        "Heap pressure the memory workload climbs to: its held bytes as a share of its budget (default 80)");

    public static readonly FlagSpec StressOomProbability = FlagSpec.Unsigned("--oom-probability", "PCT", 0, 100,
        "Chance, each time the target is reached, that the workload keeps allocating until the budget refuses (default 30)");

    public static readonly FlagSpec StressRate = FlagSpec.Unsigned("--rate", "PER_S", 1, 100_000,
        "Commands per second sent through the shell dispatcher (default 1000)");

    public static readonly FlagSpec StressEpisodes = FlagSpec.Unsigned("--episodes", "N", 4, 1000,
        "Learning episodes the run is split into (default 20)");

    public static readonly FlagSpec StressFailRate = FlagSpec.Unsigned("--fail-rate", "PCT", 0, 100,
        "Share of chaos events into which a fault is injected (default 0)", new[] { "--failure-rate" });

    public static readonly FlagSpec StressExpectFailures = FlagSpec.Switch("--expect-failures",
        "Pass when at least half of the injected faults were recovered from");

    public static readonly FlagSpec StressSabotage = FlagSpec.ChoiceList("--sabotage", "KIND",
        new[]
        {
            "memory_release", "autonomy_flip", "hot_retrain", "prediction_storm", "thread_restart", "heap_corruption",
            "network_partition", "disk_stall",
        },
        "Test-only: switch off the kernel's recovery from these chaos kinds' faults (never the check), so the run must not pass");

    public static readonly FlagSpec StressJson = FlagSpec.Switch("--json",
        "Also emit the table as a report record");

    public static readonly FlagSpec StressLevels = FlagSpec.UnsignedList("--levels", "PER_S,...", 1, 20_000, ShellLimits.MaxListElements,
        "Ramp: the load levels in items per second, run in order (default 5,10,25,50)");

    public static readonly FlagSpec StressLevelDuration = FlagSpec.Unsigned("--level-duration", "MS", 100, 60_000,
        "Ramp: how long each level lasts, in milliseconds (default 2000)");

    public static readonly FlagSpec StressInjectLoss = FlagSpec.Switch("--inject-loss",
        "Test-only: the consumers drop every 97th item unseen, so the data-loss check must fail the run");

    public static readonly FlagSpec StressCycles = FlagSpec.Unsigned("--cycles", "N", 1, 64,
        "Leak: create/destroy cycles, each a phase row of the result (default 50)");

    public static readonly FlagSpec StressInjectLeak = FlagSpec.Switch("--inject-leak",
        "Test-only: keep one 512-byte block per cycle until growth is measured, so the growth check must fail the run");

    public static readonly FlagSpec StressThreads = FlagSpec.UnsignedList("--threads", "N,...", 1, 16, 6,
        "Scale: the thread counts each component runs at, in order (default 1,2,4,8,16)");

    public static readonly FlagSpec StressComponents = FlagSpec.ChoiceList("--components", "COMPONENT,...",
        new[] { "alloc", "hist", "prng", "sched", "shell" },
        "Scale: the components measured (default all): heap alloc+free, shared histogram, PRNG, yield, shell command");

    public static readonly FlagSpec StressClients = FlagSpec.Unsigned("--clients", "N", 1, 32,
        "Concurrency: client threads sending requests to the kernel service at once (default 20)");

    public static readonly FlagSpec StressKills = FlagSpec.Unsigned("--kills", "N", 1, 100,
        "Recovery: times the supervised service thread is killed (default 10)");

    public static readonly FlagSpec StressSabotageRestart = FlagSpec.Choice("--sabotage", new[] { "restart" },
        "Test-only: the supervisor does not restart the killed service, so every recovery must fail the run");

    public static readonly FlagSpec StressSabotageDedup = FlagSpec.Choice("--sabotage", new[] { "dedup" },
        "Test-only: the reporter prints every repeated failure, so the reporting bound must fail the run");

    public static readonly FlagSpec StressSabotageAnswers = FlagSpec.Choice("--sabotage", new[] { "answers" },
        "Test-only: the service never answers client 0, so the answers-per-client check must fail the run");

    public static readonly FlagSpec StressOps = FlagSpec.Unsigned("--ops", "N", 1, 1_000_000,
        "Mix: operations to run, as fast as they go (default 10000, seed 000's rollouts)");

    public static readonly FlagSpec StressWeights = FlagSpec.KeyValueList("--weights", "KIND:W,...",
        new[] { "memory", "commands", "noise" }, 0, 100,
        "Mix: relative weights of heap operations, shell commands and garbage lines (default memory:40,commands:40,noise:20)");

    public static readonly FlagSpec StressFailures = FlagSpec.Unsigned("--failures", "N", 1, 100_000,
        "Storm: consecutive injected failures (default 1000)");

    public static readonly FlagSpec StressPairs = FlagSpec.Unsigned("--pairs", "N", 1, 32,
        "Compare: seed-paired off/on runs (seeds S, S+1, ...); median on/off ratio and sign-test p per metric (default 1)");

    public static readonly FlagSpec StressInjectNoRecovery = FlagSpec.Switch("--inject-no-recovery",
        "Test-only: an OOM frees nothing, so the OOM-recovery check must fail the run");

    public static readonly FlagSpec StressEvalSeeds = FlagSpec.Unsigned("--eval-seeds", "N", 1, 32,
        "Learning: held-out seeds of the evaluation; each runs one episode per policy (learned, controller, random, none) (default 8)");

    public static readonly FlagSpec StressInjectNoLearning = FlagSpec.Switch("--inject-no-learning",
        "Test-only: the learner's updates are dropped, so the learned policy must fail to beat the controls");

    private static readonly FlagSpec[] MemoryFlags =
        { StressDuration, StressSeed, StressNoise, StressSummary, StressVerbose, StressTargetPressure, StressOomProbability, StressInjectNoRecovery };
    private static readonly FlagSpec[] CommandsFlags = { StressDuration, StressSeed, StressNoise, StressSummary, StressVerbose, StressRate };
    private static readonly FlagSpec[] ChaosFlags =
        { StressDuration, StressSeed, StressNoise, StressSummary, StressVerbose, StressFailRate, StressExpectFailures, StressSabotage };
    private static readonly FlagSpec[] MultiFlags =
    {
        StressDuration, StressSeed, StressNoise, StressSummary, StressVerbose, StressTargetPressure, StressOomProbability,
        StressRate, StressFailRate, StressExpectFailures,
    };
    private static readonly FlagSpec[] LearningFlags =
    {
        StressDuration, StressSeed, StressNoise, StressSummary, StressVerbose, StressTargetPressure, StressOomProbability, StressEpisodes,
        StressEvalSeeds, StressInjectNoLearning,
    };
    private static readonly FlagSpec[] RedteamFlags = { StressDuration, StressSeed, StressSummary };
    private static readonly FlagSpec[] LeakFlags = { StressCycles, StressSeed, StressSummary, StressVerbose, StressInjectLeak };
    private static readonly FlagSpec[] ScaleFlags = { StressDuration, StressThreads, StressComponents, StressSeed, StressSummary, StressVerbose };
    private static readonly FlagSpec[] ConcurrencyFlags = { StressDuration, StressClients, StressSeed, StressSummary, StressVerbose, StressSabotageAnswers };
    private static readonly FlagSpec[] RecoveryFlags = { StressKills, StressSeed, StressSummary, StressVerbose, StressSabotageRestart };
    private static readonly FlagSpec[] MixFlags = { StressOps, StressWeights, StressSeed, StressSummary, StressVerbose };
    private static readonly FlagSpec[] StormFlags = { StressFailures, StressSeed, StressSummary, StressSabotageDedup };
    private static readonly FlagSpec[] RampFlags = { StressLevels, StressLevelDuration, StressSeed, StressSummary, StressVerbose, StressInjectLoss };
    private static readonly FlagSpec[] CompareMemoryFlags = WithPairs(MemoryFlags);
    private static readonly FlagSpec[] CompareCommandsFlags = WithPairs(CommandsFlags);
    private static readonly FlagSpec[] CompareMultiFlags = WithPairs(MultiFlags);
    private static readonly FlagSpec[] CompareChaosFlags = WithPairs(ChaosFlags);

    private static FlagSpec[] WithPairs(FlagSpec[] flags)
    {
        var withPairs = new FlagSpec[flags.Length + 1];
        for (int i = 0; i < flags.Length; i++)
        {
            withPairs[i] = flags[i];
        }
        withPairs[flags.Length] = StressPairs;
        return withPairs;
    }

    public static readonly CommandSpec Stresstest = new CommandSpec((int)ShellCommandId.Stresstest, "stresstest",
        "Stress the kernel (heap, shell, scheduler, recovery) and report measured results",
        new FlagSpec[0], true,
        new[]
        {
            new CommandSpec((int)ShellCommandId.StresstestMemory, "memory",
                "Drive the kernel heap toward a target pressure; OOM events, recoveries, alloc latency",
                new PositionalSpec[0], MemoryFlags),
            new CommandSpec((int)ShellCommandId.StresstestCommands, "commands",
                "Flood the shell dispatcher at a rate with jitter; command latency",
                new PositionalSpec[0], CommandsFlags),
            new CommandSpec((int)ShellCommandId.StresstestMulti, "multi",
                "Memory, commands and chaos at once",
                new PositionalSpec[0], MultiFlags),
            new CommandSpec((int)ShellCommandId.StresstestLearning, "learning",
                "Q-learning picks the autonomy controller's memory action; reward per episode",
                new PositionalSpec[0], LearningFlags),
            new CommandSpec((int)ShellCommandId.StresstestRedteam, "redteam",
                "Adversarial input to the shell grammar, the record encoder and the allocator; each must be rejected",
                new PositionalSpec[0], RedteamFlags),
            new CommandSpec((int)ShellCommandId.StresstestChaos, "chaos",
                "Random chaos events on the kernel, faults injected into a share of them, recoveries measured",
                new PositionalSpec[0], ChaosFlags),
            new CommandSpec((int)ShellCommandId.StresstestRamp, "ramp",
                "Progressive load levels on an in-kernel pipeline: achieved rate, latency, CPU, memory per level; no item lost",
                new PositionalSpec[0], RampFlags),
            new CommandSpec((int)ShellCommandId.StresstestLeak, "leak",
                "Create/destroy cycles of threads, heap blocks and heap histograms; heap and page growth per cycle (tolerance 0)",
                new PositionalSpec[0], LeakFlags),
            new CommandSpec((int)ShellCommandId.StresstestScale, "scale",
                "Per-component throughput and latency at each thread count, --duration split evenly; scaling efficiency vs 1 thread",
                new PositionalSpec[0], ScaleFlags),
            new CommandSpec((int)ShellCommandId.StresstestConcurrency, "concurrency",
                "Concurrent clients against one kernel service thread; request latency, error rate, answers per client",
                new PositionalSpec[0], ConcurrencyFlags),
            new CommandSpec((int)ShellCommandId.StresstestRecovery, "recovery",
                "Kill a supervised service thread; time to restart and to the first answered request",
                new PositionalSpec[0], RecoveryFlags),
            new CommandSpec((int)ShellCommandId.StresstestMix, "mix",
                "Weighted mix of heap operations, shell commands and garbage input; throughput and p99 (seed 000: > 100/s, < 50 ms)",
                new PositionalSpec[0], MixFlags),
            new CommandSpec((int)ShellCommandId.StresstestStorm, "storm",
                "A failure storm reported deduplicated and throttled, memory stable; tag explosion, 50-deep recursion, edge cases",
                new PositionalSpec[0], StormFlags),
            new CommandSpec((int)ShellCommandId.StresstestCompare, "compare",
                "Run a test with autonomy off, then on, with the same seed (--pairs N: N seeds); measured deltas, median ratios, sign test",
                new FlagSpec[0], true,
                new[]
                {
                    new CommandSpec((int)ShellCommandId.StresstestCompareMemory, "memory", "Compare the memory test",
                        new PositionalSpec[0], CompareMemoryFlags),
                    new CommandSpec((int)ShellCommandId.StresstestCompareCommands, "commands", "Compare the commands test",
                        new PositionalSpec[0], CompareCommandsFlags),
                    new CommandSpec((int)ShellCommandId.StresstestCompareMulti, "multi", "Compare the multi test",
                        new PositionalSpec[0], CompareMultiFlags),
                    new CommandSpec((int)ShellCommandId.StresstestCompareChaos, "chaos", "Compare the chaos test",
                        new PositionalSpec[0], CompareChaosFlags),
                }),
            new CommandSpec((int)ShellCommandId.StresstestReport, "report",
                "The last 16 results as a table",
                new PositionalSpec[0], new[] { StressJson }),
        });

    public static readonly CommandSpec Autonomy = new CommandSpec((int)ShellCommandId.Autonomy, "autonomy",
        "Arm or disarm the autonomy controller for stress runs, or show its state and counters",
        new FlagSpec[0], true,
        new[]
        {
            new CommandSpec((int)ShellCommandId.AutonomyOn, "on", "Run the controller during every stress test",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.AutonomyOff, "off", "Run stress tests without the controller",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.AutonomyStatus, "status", "Whether it is armed, and its intervention counters",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly FlagSpec TraceEvents = FlagSpec.ChoiceList("--events", "KIND,...",
        new[] { "switch", "irq", "fault", "chaos", "autonomy", "oom", "heaplock", "stall", "heap" },
        "The kinds recorded (default all): context switches, interrupt entry/exit, sacrificial faults, chaos events, autonomy decisions, OOM events, heap-lock holds over 20 us, watchdog stalls, heap counters");

    public static readonly CommandSpec Trace = new CommandSpec((int)ShellCommandId.Trace, "trace",
        "Record what the kernel does per CPU in fixed rings (context switches, interrupts, faults, chaos, autonomy) and dump it as trace records",
        new FlagSpec[0], true,
        new[]
        {
            new CommandSpec((int)ShellCommandId.TraceOn, "on", "Empty the rings and start recording",
                new PositionalSpec[0], new[] { TraceEvents }),
            new CommandSpec((int)ShellCommandId.TraceOff, "off", "Stop recording (the rings keep what they hold)",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.TraceDump, "dump", "Write the rings out as trace records, then an end record with the lost counts",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.TraceStatus, "status", "Whether it records, which kinds, entries appended and lost per CPU",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly CommandSpec Records = new CommandSpec((int)ShellCommandId.Records, "records",
        "How records reach this console for the rest of the boot (alone: the current setting)",
        new FlagSpec[0], false,
        new[]
        {
            new CommandSpec((int)ShellCommandId.RecordsOn, "on", "Every record framed with its length and CRC-32 (the default; the host tool needs it and sets it)",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.RecordsBrief, "brief", "Each record as one short line for a person: [type #seq] name=value ...",
                new PositionalSpec[0], new FlagSpec[0]),
            new CommandSpec((int)ShellCommandId.RecordsOff, "off", "No records, only the human lines",
                new PositionalSpec[0], new FlagSpec[0]),
        });

    public static readonly CommandCatalog Catalog = new CommandCatalog(new[]
    {
        Help, Version, Echo, Uptime, Sleep, Prng, Metrics, Mem, Selftest, Ps, Cpus, Spin, Watchdog, IrqStorm, Bench, Fault, Stresstest, Autonomy, Trace, Records, Poweroff,
    });
}
