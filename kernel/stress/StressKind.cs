// The kinds of stress test: what `stresstest KIND` runs and what its result
// record's "test" field says.
using System;

namespace KernelStress.Kernel.Stress
{
    internal enum StressKind
    {
        Memory,
        Commands,
        Multi,
        Learning,
        Redteam,
        Chaos,
        Ramp,
        Leak,
        Scale,
        Concurrency,
        Recovery,
        Mix,
        Storm,
    }

    internal static class StressKinds
    {
        public static ReadOnlySpan<byte> Name(StressKind kind) => kind switch
        {
            StressKind.Memory => "memory"u8,
            StressKind.Commands => "commands"u8,
            StressKind.Multi => "multi"u8,
            StressKind.Learning => "learning"u8,
            StressKind.Redteam => "redteam"u8,
            StressKind.Ramp => "ramp"u8,
            StressKind.Leak => "leak"u8,
            StressKind.Scale => "scale"u8,
            StressKind.Concurrency => "concurrency"u8,
            StressKind.Recovery => "recovery"u8,
            StressKind.Mix => "mix"u8,
            StressKind.Storm => "storm"u8,
            _ => "chaos"u8,
        };

        // As the seed's human lines spell it: "[STRESSTEST] Memory completed: ...".
        public static ReadOnlySpan<byte> Title(StressKind kind) => kind switch
        {
            StressKind.Memory => "Memory"u8,
            StressKind.Commands => "Commands"u8,
            StressKind.Multi => "Multi"u8,
            StressKind.Learning => "Learning"u8,
            StressKind.Redteam => "Redteam"u8,
            StressKind.Ramp => "Ramp"u8,
            StressKind.Leak => "Leak"u8,
            StressKind.Scale => "Scale"u8,
            StressKind.Concurrency => "Concurrency"u8,
            StressKind.Recovery => "Recovery"u8,
            StressKind.Mix => "Mix"u8,
            StressKind.Storm => "Storm"u8,
            _ => "Chaos"u8,
        };

        // The kinds that run MemoryWorkload and so report its pressure and OOM figures.
        public static bool RunsMemoryWorkload(StressKind kind) =>
            kind == StressKind.Memory || kind == StressKind.Multi || kind == StressKind.Learning || kind == StressKind.Chaos;
    }
}
