using System;
using System.Collections.Generic;

namespace KernelStress.Tool.Building;

/// <summary>
/// What one kernel build makes: an arch and, for arm64, a board (the KernelArch and KernelBoard
/// properties of kernel/Kernel.csproj). Its outputs go to artifacts/FLAVOR/ where FLAVOR is the
/// arch, or arch-board for the Raspberry Pi boards: kernel.elf, and the flat image (kernel.bin, or
/// kernel8.img, the name a Raspberry Pi's firmware loads).
/// </summary>
public sealed record KernelTarget(string Arch, string? Board)
{
    public static readonly string[] Arches = { "x64", "arm64" };

    /// <summary>arm64 boards: QEMU virt, Raspberry Pi 3 (BCM2837), Raspberry Pi 4 (BCM2711).</summary>
    public static readonly string[] Boards = { "virt", "rpi3", "rpi4" };

    public static readonly string[] PiBoards = { "rpi3", "rpi4" };

    public bool IsRaspberryPi => Board is not null && Array.IndexOf(PiBoards, Board) >= 0;

    public string Flavor => Board is null or "virt" ? Arch : $"{Arch}-{Board}";

    /// <summary>The image's directory, relative to the repo root.</summary>
    public string Directory => $"artifacts/{Flavor}";

    /// <summary>The flat image (objcopy -O binary), relative to the repo root.</summary>
    public string FlatImage => $"{Directory}/{(IsRaspberryPi ? "kernel8.img" : "kernel.bin")}";

    /// <summary>The -p: properties for dotnet build.</summary>
    public IEnumerable<string> BuildProperties()
    {
        yield return $"-p:KernelArch={Arch}";
        if (Board is not null)
        {
            yield return $"-p:KernelBoard={Board}";
        }
    }

    /// <summary>The options that select this target on a kstress command line.</summary>
    public string Options => Board is null ? $"--arch {Arch}" : $"--arch {Arch} --board {Board}";

    /// <summary>
    /// The target for --arch/--board: a board is arm64's (arm64 without one is virt); --board with
    /// --arch x64 is a usage error.
    /// </summary>
    public static KernelTarget From(string arch, string? board)
    {
        if (board is not null && arch != "arm64")
        {
            throw new KstressException(ExitCode.Usage,
                $"--board {board} is an arm64 board but --arch is {arch}: use --arch arm64 --board {board}, or leave --board out for {arch}");
        }
        return new KernelTarget(arch, arch == "arm64" ? board ?? "virt" : null);
    }
}
