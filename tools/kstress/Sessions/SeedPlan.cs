using System;
using System.Collections.Generic;
using System.Linq;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// The seeds of run's sessions: --seed N for all of them, or with --repeat a fresh seed per
/// session, so repeats are different experiments and each one can be replayed. The seed is
/// appended as "--seed N" to every stresstest command that does not give its own.
/// </summary>
public static class SeedPlan
{
    public const string SeededCommand = "stresstest";
    private const string UnseededSubcommand = "report";

    /// <summary>
    /// The seed of each session: null entries (one session without --seed, or no command that
    /// takes a seed) leave the kernel to draw and record its own.
    /// </summary>
    public static IReadOnlyList<ulong?> For(IReadOnlyList<string> commands, int sessions, ulong? seed, Func<ulong> draw) =>
        Enumerable.Range(0, sessions).Select(_ => !commands.Any(TakesSeed) ? null : seed ?? (sessions > 1 ? draw() : (ulong?)null)).ToList();

    public static IReadOnlyList<string> Apply(IReadOnlyList<string> commands, ulong? seed) =>
        seed is ulong value ? commands.Select(c => TakesSeed(c) ? $"{c.TrimEnd()} --seed {value}" : c).ToList() : commands;

    /// <summary>A stresstest command without a --seed of its own (`stresstest report` runs nothing, so takes none).</summary>
    private static bool TakesSeed(string command)
    {
        string[] words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[0] == SeededCommand && words[1] != UnseededSubcommand && !words.Contains("--seed");
    }

    /// <summary>A fresh seed: 63 random bits (any value the kernel's --seed accepts, 0..2^64-1).</summary>
    public static ulong Draw() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);
}
