using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace KernelStress.Tool.Machines;

/// <summary>
/// Reads QEMU's human monitor output: <c>info registers -a</c> (a "CPU#N" line, then NAME=hex
/// pairs: RIP, RSP, RFL and HLT on x86-64; PC, SP, X30 and PSTATE on AArch64) and
/// <c>x /Ngx ADDRESS</c> ("address: 0x... 0x..." lines).
/// </summary>
public static partial class RegisterDump
{
    private const ulong X64InterruptFlag = 1UL << 9;      // RFLAGS.IF
    private const ulong Arm64IrqMasked = 1UL << 7;        // PSTATE.I
    private const uint Arm64WaitForInterrupt = 0xd503207f; // WFI

    /// <summary>The name under which <see cref="WithWaitState"/> adds an arm64 sample's halted state.</summary>
    public const string Arm64Waiting = "WFI";

    [GeneratedRegex(@"^CPU#(\d+)", RegexOptions.Multiline)]
    private static partial Regex CpuHeader();

    [GeneratedRegex(@"\b([A-Z][A-Z0-9]*)\s*=\s*([0-9a-f]+)\b")]
    private static partial Regex Register();

    [GeneratedRegex(@"\b0x([0-9a-f]{16})\b")]
    private static partial Regex MemoryWord();

    // What a hung CPU's report keeps of QEMU's dump: the general and control registers, not the
    // segment, descriptor-table, FPU and vector ones.
    [GeneratedRegex(@"^(R[A-Z0-9]+|CR[0-4]|EFER|X\d\d|PC|SP|PSTATE)$")]
    private static partial Regex GeneralRegister();

    /// <summary>Each CPU's registers by name; CPUs whose program counter is missing are left out.</summary>
    public static IReadOnlyList<(int Index, IReadOnlyDictionary<string, ulong> Registers)> Parse(string infoRegisters)
    {
        var cpus = new List<(int, IReadOnlyDictionary<string, ulong>)>();
        MatchCollection headers = CpuHeader().Matches(infoRegisters);
        for (int i = 0; i < headers.Count; i++)
        {
            int start = headers[i].Index + headers[i].Length;
            int end = i + 1 < headers.Count ? headers[i + 1].Index : infoRegisters.Length;
            var registers = new Dictionary<string, ulong>();
            foreach (Match m in Register().Matches(infoRegisters.Substring(start, end - start)))
            {
                registers.TryAdd(m.Groups[1].Value, ulong.Parse(m.Groups[2].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }
            if (registers.ContainsKey("RIP") || registers.ContainsKey("PC"))
            {
                cpus.Add((int.Parse(headers[i].Groups[1].ValueSpan, CultureInfo.InvariantCulture), registers));
            }
        }
        return cpus;
    }

    /// <summary>
    /// A CPU's snapshot from several samples of its registers (either arch), oldest first, and the
    /// words read at its stack pointer after the last one. Where it was comes from the last
    /// sample; whether it was halted and took interrupts is the majority of the samples, so a
    /// halted CPU caught while it handled one timer tick still counts as halted.
    /// </summary>
    public static CpuSnapshot Snapshot(int index, IReadOnlyList<IReadOnlyDictionary<string, ulong>> samples, IReadOnlyList<ulong> stackWords)
    {
        IReadOnlyDictionary<string, ulong> last = samples[^1];
        bool Mostly(Func<IReadOnlyDictionary<string, ulong>, bool> test) => samples.Count(test) * 2 > samples.Count;
        if (last.TryGetValue("RIP", out ulong rip))
        {
            return new CpuSnapshot(index, rip, last.GetValueOrDefault("RSP"),
                Mostly(r => (r.GetValueOrDefault("RFL") & X64InterruptFlag) != 0),
                last.ContainsKey("HLT") ? Mostly(r => r.GetValueOrDefault("HLT") != 0) : null, null, stackWords, General(last));
        }
        return new CpuSnapshot(index, last["PC"], last.GetValueOrDefault("SP"),
            Mostly(r => (r.GetValueOrDefault("PSTATE") & Arm64IrqMasked) == 0),
            last.ContainsKey(Arm64Waiting) ? Mostly(r => r.GetValueOrDefault(Arm64Waiting) != 0) : null,
            last.TryGetValue("X30", out ulong link) ? link : null, stackWords, General(last));
    }

    private static IReadOnlyDictionary<string, ulong> General(IReadOnlyDictionary<string, ulong> registers) =>
        registers.Where(r => GeneralRegister().IsMatch(r.Key)).ToDictionary(r => r.Key, r => r.Value);

    /// <summary>
    /// An arm64 sample with its halted state added as <see cref="Arm64Waiting"/>: QEMU shows none
    /// (x64 has HLT), but a CPU waiting in WFI stops with its PC just past the instruction, so the
    /// 64-bit word read at PC - 4 starts with WFI's encoding exactly when it waits.
    /// </summary>
    public static IReadOnlyDictionary<string, ulong> WithWaitState(IReadOnlyDictionary<string, ulong> sample, ulong wordBeforePc) =>
        new Dictionary<string, ulong>(sample) { [Arm64Waiting] = (uint)wordBeforePc == Arm64WaitForInterrupt ? 1UL : 0UL };

    /// <summary>The 64-bit words of an <c>x /Ngx</c> dump, in address order.</summary>
    public static IReadOnlyList<ulong> Words(string memoryDump)
    {
        var words = new List<ulong>();
        foreach (string line in memoryDump.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }
            foreach (Match m in MemoryWord().Matches(line, colon))
            {
                words.Add(ulong.Parse(m.Groups[1].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            }
        }
        return words;
    }
}
