using System.Collections.Generic;

namespace KernelStress.Tool.Machines;

/// <summary>
/// One virtual CPU as the emulator saw it at one moment, read from outside the guest (QEMU's
/// monitor), so it is there even when the kernel can no longer say anything: where the CPU was,
/// whether it took interrupts, whether it was halted waiting for one, and the words on top of
/// its stack. A hang with every CPU halted and interrupts on is a lost wake-up; one with a CPU
/// spinning with interrupts off is a deadlock or a runaway loop.
/// </summary>
/// <param name="Index">QEMU's CPU index (the kernel's CPU index on x64 and virt, where both count in firmware order).</param>
/// <param name="Halted">True when halted waiting for an interrupt (x64 HLT, arm64 WFI); null when the emulator does not say.</param>
/// <param name="LinkRegister">The return address register (arm64 x30); null on x64, where the return address is on the stack.</param>
/// <param name="Registers">The general registers of the last sample (x64 RAX..R15, RIP, RFL, CR0-CR4, EFER; arm64 X00..X30, SP, PC, PSTATE): a loop's variables are there.</param>
public sealed record CpuSnapshot(
    int Index,
    ulong ProgramCounter,
    ulong StackPointer,
    bool InterruptsEnabled,
    bool? Halted,
    ulong? LinkRegister,
    IReadOnlyList<ulong> StackWords,
    IReadOnlyDictionary<string, ulong>? Registers = null);

/// <summary>What a machine could tell about its CPUs: the snapshots, or why there are none.</summary>
public sealed record CpuCapture(IReadOnlyList<CpuSnapshot> Cpus, string? Problem)
{
    public static CpuCapture Unsupported { get; } = new(System.Array.Empty<CpuSnapshot>(), null);
}
