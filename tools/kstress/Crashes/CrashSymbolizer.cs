using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Iced.Intel;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.Crashes;

/// <summary>
/// Turns fault/panic records (kernel/arch/x64/FaultReport.X64.cs: rip, stack words, the 16 code
/// bytes at rip as hex) into <see cref="CrashReport"/>s: addresses through the image's ELF symbol
/// table, code bytes through Iced's x86-64 decoder. Iced decodes x86 only, so an arm64 record
/// keeps its bytes as hex with a note saying so.
/// </summary>
public sealed class CrashSymbolizer
{
    private readonly ElfSymbols? _symbols;
    private readonly string? _missingSymbols;

    /// <param name="symbols">The image that produced the records; null when there is none.</param>
    /// <param name="missingSymbols">Why there are no symbols (shown in each crash's notes).</param>
    public CrashSymbolizer(ElfSymbols? symbols, string? missingSymbols = null)
    {
        _symbols = symbols;
        _missingSymbols = missingSymbols;
    }

    public static bool IsCrash(string type) => type is "fault" or "panic";

    /// <summary>A CPU caught by the host in a hang, its addresses resolved.</summary>
    public HungCpu Symbolize(CpuSnapshot cpu) => new()
    {
        Cpu = cpu.Index,
        Pc = Hex(cpu.ProgramCounter),
        Function = _symbols?.Resolve(cpu.ProgramCounter),
        InterruptsEnabled = cpu.InterruptsEnabled,
        Halted = cpu.Halted,
        Link = cpu.LinkRegister is ulong link ? Word(link) : null,
        Stack = cpu.StackWords.Select(Word).ToList(),
        Registers = (cpu.Registers ?? new Dictionary<string, ulong>()).ToDictionary(r => r.Key.ToLowerInvariant(), r => Hex(r.Value)),
    };

    private StackWord Word(ulong value) => new(Hex(value), _symbols?.Resolve(value));

    private static string Hex(ulong value) => $"0x{value:x16}";

    public CrashReport Symbolize(JsonElement record)
    {
        var notes = new List<string>();
        string arch = Json.String(record, "arch") ?? "x64";
        string? address = Json.String(record, "rip") ?? Json.String(record, "pc") ?? Json.String(record, "elr");
        ulong? at = ParseHex(address);
        if (_symbols is null)
        {
            notes.Add($"no symbols: {_missingSymbols ?? "no kernel image given"}");
        }

        var stack = new List<StackWord>();
        if (record.TryGetProperty("stack", out JsonElement words) && words.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement word in words.EnumerateArray())
            {
                string text = word.ValueKind == JsonValueKind.String ? word.GetString()! : word.GetRawText();
                stack.Add(new StackWord(text, ParseHex(text) is ulong value ? _symbols?.Resolve(value) : null));
            }
        }

        var disassembly = new List<string>();
        string? code = Json.String(record, "code");
        byte[]? bytes = code is { Length: > 0 } ? TryHexBytes(code) : null;
        if (bytes is null)
        {
            notes.Add(code is { Length: > 0 } ? $"the code field '{code}' is not hex bytes" : "the record carries no code bytes (rip was not readable)");
        }
        else if (arch != "x64")
        {
            notes.Add($"disassembly is x64-only (Iced decodes x86); the {arch} bytes at the faulting address: {Spaced(bytes)}");
        }
        else
        {
            disassembly.AddRange(Disassemble(bytes, at ?? 0));
        }

        return new CrashReport
        {
            Type = Json.String(record, "type") ?? "panic",
            Seq = Json.Long(record, "seq") ?? -1,
            Arch = arch,
            Reason = Json.String(record, "reason"),
            Address = address,
            Function = at is ulong a ? _symbols?.Resolve(a) : null,
            Stack = stack,
            Disassembly = disassembly,
            Notes = notes,
        };
    }

    /// <summary>
    /// Each whole instruction in <paramref name="code"/> at <paramref name="ip"/>, as
    /// "=> 0x...: 0f 0b  ud2" (the arrow marks the faulting one); an instruction cut off by the
    /// end of the 16 bytes is left out.
    /// </summary>
    public static IEnumerable<string> Disassemble(byte[] code, ulong ip)
    {
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(code), ip);
        var formatter = new NasmFormatter();
        formatter.Options.FirstOperandCharIndex = 8;
        var output = new StringOutput();
        bool first = true;
        while (decoder.IP < ip + (ulong)code.Length)
        {
            decoder.Decode(out Instruction instruction);
            if (decoder.LastError == DecoderError.NoMoreBytes)
            {
                yield break;
            }
            formatter.Format(instruction, output);
            int offset = (int)(instruction.IP - ip);
            string hex = Spaced(code.AsSpan(offset, instruction.Length).ToArray());
            yield return $"{(first ? "=>" : "  ")} 0x{instruction.IP:x16}: {hex,-30} {output.ToStringAndReset()}";
            first = false;
        }
    }

    private static ulong? ParseHex(string? text)
    {
        if (text is null)
        {
            return null;
        }
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.Substring(2) : text;
        return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value) ? value : null;
    }

    private static byte[]? TryHexBytes(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Spaced(byte[] bytes) => string.Join(' ', Array.ConvertAll(bytes, b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
