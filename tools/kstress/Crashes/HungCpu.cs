using System.Collections.Generic;

namespace KernelStress.Tool.Crashes;

/// <summary>
/// A CPU of a kernel that stopped answering, as QEMU saw it (Machines/CpuSnapshot.cs) with its
/// addresses resolved: where it was, whether it was halted and took interrupts, and the stack
/// words that point into the image's code (return addresses: who called it). Part of the run
/// report (JSON "hung_cpus") and printed by run after a hang or a missing prompt.
/// </summary>
public sealed class HungCpu
{
    public required int Cpu { get; init; }

    /// <summary>The program counter, hex.</summary>
    public required string Pc { get; init; }

    /// <summary>The function holding <see cref="Pc"/>, "name+0xoffset"; null without symbols or outside the image.</summary>
    public string? Function { get; init; }

    public required bool InterruptsEnabled { get; init; }

    /// <summary>Halted waiting for an interrupt (x64 HLT); null where QEMU does not say (arm64).</summary>
    public bool? Halted { get; init; }

    /// <summary>arm64's link register (x30) resolved: the caller of a leaf function; null on x64.</summary>
    public StackWord? Link { get; init; }

    /// <summary>The words at the stack pointer, upward; those with a function are likely return addresses.</summary>
    public required List<StackWord> Stack { get; init; }

    /// <summary>The general registers by QEMU's names, hex (a loop's variables are there); empty when not read.</summary>
    public Dictionary<string, string> Registers { get; init; } = new();
}
