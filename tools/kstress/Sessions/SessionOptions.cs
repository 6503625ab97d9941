using System;
using System.Collections.Generic;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Sessions;

/// <summary>One scripted session: which machine and image, and the commands to type.</summary>
public sealed record SessionOptions
{
    public required MachineProfile Profile { get; init; }

    /// <summary>Absolute path of the image to boot.</summary>
    public required string ImagePath { get; init; }

    public required int MemoryMb { get; init; }

    public required int Smp { get; init; }

    public required IReadOnlyList<string> Commands { get; init; }

    /// <summary>How long each command may take to bring the prompt back.</summary>
    public required TimeSpan CommandTimeout { get; init; }

    /// <summary>Limit from QEMU start to the first prompt, and from poweroff to QEMU's exit.</summary>
    public required TimeSpan BootTimeout { get; init; }

    /// <summary>Arguments appended to QEMU's (a gdbstub: Debugging/GdbStub.cs).</summary>
    public IReadOnlyList<string> ExtraQemuArguments { get; init; } = Array.Empty<string>();

    /// <summary>Resolves fault/panic records against the booted image's symbols; null lists them unresolved.</summary>
    public CrashSymbolizer? Symbolizer { get; init; }

    /// <summary>
    /// Types <c>records on</c> before the commands and after any <c>records</c> command among them,
    /// so every record arrives framed whatever a person set; false only for the test that shows
    /// what the session would miss without it.
    /// </summary>
    public bool KeepsRecordsOn { get; init; } = true;

    /// <summary>Defaults from the profile: its memory, CPUs and timeouts.</summary>
    public static SessionOptions ForProfile(MachineProfile profile, string imagePath, IReadOnlyList<string> commands) => new()
    {
        Profile = profile,
        ImagePath = imagePath,
        MemoryMb = profile.MemoryMb.Default,
        Smp = profile.Smp.Default,
        Commands = commands,
        CommandTimeout = TimeSpan.FromSeconds(profile.CommandTimeoutSeconds),
        BootTimeout = TimeSpan.FromSeconds(profile.BootTimeoutSeconds),
    };
}
