using System;
using System.Collections.Generic;
using System.Linq;

namespace KernelStress.Boot.Tests;

/// <summary>
/// What one CPU exception looks like in a fault or panic record: the <c>vector</c> (x64's vector
/// number; arm64's ESR exception class), how the record's hex instruction bytes at the faulting pc
/// start, and the faulting address when the kind has one (x64 <c>cr2</c>, arm64 <c>far</c>).
/// A kind whose <see cref="Vector"/> is null does not exist on that arch: the kernel answers it
/// with an error line. (<c>stack</c> has no fixed code or address: whichever store first reaches
/// the guard page; it cannot be raised with --fatal.)
/// </summary>
public sealed record FaultFacts(string Kind, int? Vector, string Code, string? FaultAddress);

/// <summary>
/// The facts the boot tests cannot read from the kernel's output because they are the CPU's own:
/// its exceptions and the names of its registers in the fault record. Everything else a test
/// expects comes from the machine profile or from what the kernel printed.
/// </summary>
public sealed record ArchFacts(string Arch, string PcField, string FaultAddressField, int RegisterCount, IReadOnlyList<FaultFacts> Faults)
{
    private static readonly ArchFacts s_x64 = new("x64", "rip", "cr2", 15, new FaultFacts[]
    {
        new("de", 0, "f7f1", null),                        // div ecx
        new("ud", 6, "0f0b", null),                        // ud2
        new("pf", 14, "488b00", "0x0000000100000000"),     // mov rax, [rax]: past the 4 GiB identity map
        new("gp", 13, "488b00", null),                     // the same load from a non-canonical address
        new("stack", 14, "", null),                        // a store into the guard page below the stack
    });

    private static readonly ArchFacts s_arm64 = new("arm64", "elr", "far", 31, new FaultFacts[]
    {
        new("de", null, "", null),                         // SDIV/UDIV by zero yields 0: no trap
        new("ud", 0x00, "00000000", null),                 // udf #0: EC 0x00, unknown reason
        new("pf", 0x25, "000040f9", "0x0000000100000000"), // ldr x0, [x0]: data abort past the identity map
        new("gp", 0x25, "000040f9", "0x8000000000000000"), // the same load from the upper half (no TTBR1)
        new("stack", 0x25, "", null),                      // a store into the guard page below the stack
    });

    public static ArchFacts For(string arch) => arch switch
    {
        "x64" => s_x64,
        "arm64" => s_arm64,
        _ => throw new ArgumentException($"no CPU facts for arch '{arch}'", nameof(arch)),
    };

    public IEnumerable<FaultFacts> RaisableFaults => Faults.Where(f => f.Vector is not null);

    public FaultFacts Fault(string kind) => Faults.Single(f => f.Kind == kind);
}
