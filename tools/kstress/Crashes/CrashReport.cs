using System.Collections.Generic;

namespace KernelStress.Tool.Crashes;

/// <summary>
/// A <c>fault</c> or <c>panic</c> record made readable: the faulting address and the stack words
/// resolved to function names, and the bytes at the faulting instruction disassembled. Part of
/// the run report (JSON "crashes"), printed by run and parse, and shown by the HTML report.
/// </summary>
public sealed class CrashReport
{
    /// <summary>"fault" (a sacrificial thread died, the kernel went on) or "panic" (the kernel stopped).</summary>
    public required string Type { get; init; }

    public required long Seq { get; init; }

    public string? Arch { get; init; }

    /// <summary>The kernel's reason, e.g. "invalid opcode (#UD)".</summary>
    public string? Reason { get; init; }

    /// <summary>The faulting instruction's address as the record gives it (hex).</summary>
    public string? Address { get; init; }

    /// <summary>The function holding <see cref="Address"/>, "name+0xoffset"; null without symbols or outside the image.</summary>
    public string? Function { get; init; }

    public required List<StackWord> Stack { get; init; }

    /// <summary>The instructions decoded from the record's code bytes; the first is the faulting one.</summary>
    public required List<string> Disassembly { get; init; }

    /// <summary>What could not be done and why (no symbols, an arch Iced cannot decode, no code bytes).</summary>
    public required List<string> Notes { get; init; }
}

/// <summary>One stack word and, when it points into the image's code, the function it is in (a return address).</summary>
public sealed record StackWord(string Value, string? Function);
