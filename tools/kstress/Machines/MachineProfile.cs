using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KernelStress.Tool.Machines;

/// <summary>
/// One QEMU machine (qemu/&lt;name&gt;.json): which emulator, which image, which arguments, and what
/// its exit codes mean. The tool knows nothing else about machines, so a new board (e.g. raspi3b
/// with kernel8.img) is a new JSON file. See qemu/README.md for the fields.
/// </summary>
public sealed class MachineProfile
{
    /// <summary>The machine model the profile assumes and why its devices are there (style.md §3).</summary>
    public required string Comment { get; init; }

    public required string Name { get; init; }

    /// <summary>The kernel architecture (the KernelArch build property): x64 or arm64.</summary>
    public required string Arch { get; init; }

    /// <summary>The arm64 board the image is built for (the KernelBoard build property: virt, rpi3, rpi4); none on x64.</summary>
    public string? Board { get; init; }

    /// <summary>The kernel build this profile boots.</summary>
    [JsonIgnore]
    public Building.KernelTarget Target => Building.KernelTarget.From(Arch, Board);

    /// <summary>The profile --arch selects; exactly one per arch.</summary>
    public bool DefaultForArch { get; init; }

    /// <summary>The QEMU executable, looked up on PATH.</summary>
    public required string Binary { get; init; }

    /// <summary>The Debian package that ships <see cref="Binary"/> (for the "not installed" message).</summary>
    public required string Package { get; init; }

    /// <summary>
    /// The oldest QEMU that has this machine ("major.minor"), for a profile older QEMU cannot boot
    /// (raspi4b is QEMU 9.0's); none when every QEMU the project runs on has it. Checked by
    /// <see cref="QemuVersion.Require"/> before a boot.
    /// </summary>
    public string? MinQemuVersion { get; init; }

    /// <summary>The image QEMU boots, relative to the repo root.</summary>
    public required string Image { get; init; }

    [JsonPropertyName("memory_mb")]
    public required ProfileRange MemoryMb { get; init; }

    public required ProfileRange Smp { get; init; }

    /// <summary>
    /// QEMU's arguments. Placeholders: {image} (absolute image path), {memory_mb}, {smp}, and
    /// {serial} (the -serial backend: "stdio" for run, "mon:stdio" for boot so Ctrl-A X quits).
    /// </summary>
    public required List<string> Args { get; init; }

    public required List<ExitCodeMeaning> ExitCodes { get; init; }

    /// <summary>
    /// True when the kernel's poweroff ends QEMU. A board without a way to stop the emulator
    /// (raspi3b has no PSCI) halts instead: the session then ends at the bye record and QEMU is
    /// stopped by the tool.
    /// </summary>
    public bool PoweroffExits { get; init; } = true;

    /// <summary>Limit from QEMU start to the first prompt, and from poweroff to QEMU's exit.</summary>
    public required int BootTimeoutSeconds { get; init; }

    /// <summary>Default per-command limit (run --timeout): the prompt must be back within this many seconds.</summary>
    public required int CommandTimeoutSeconds { get; init; }

    /// <summary>The meaning of QEMU exit code <paramref name="code"/>, or null when the profile does not list it.</summary>
    public ExitCodeMeaning? Meaning(int code) => ExitCodes.Find(e => e.Code == code);
}

/// <summary>An allowed range of a machine setting and its default.</summary>
public sealed class ProfileRange
{
    public required int Default { get; init; }

    public required int Min { get; init; }

    public required int Max { get; init; }

    public bool Contains(int value) => value >= Min && value <= Max;

    public override string ToString() => Min == Max ? $"{Min} only" : $"{Min}..{Max}";
}

/// <summary>What one QEMU exit code means on this machine, and why (derive the number).</summary>
public sealed class ExitCodeMeaning
{
    public required int Code { get; init; }

    public required QemuExit Means { get; init; }

    public required string Why { get; init; }
}

public enum QemuExit
{
    /// <summary>The kernel powered the machine off: the expected end of a session.</summary>
    [JsonStringEnumMemberName("poweroff")]
    Poweroff,

    /// <summary>The kernel panicked and stopped QEMU on purpose.</summary>
    [JsonStringEnumMemberName("panic")]
    Panic,

    /// <summary>The machine died without the kernel's say (e.g. a triple fault).</summary>
    [JsonStringEnumMemberName("crash")]
    Crash,
}
