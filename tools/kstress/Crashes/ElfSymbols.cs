using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace KernelStress.Tool.Crashes;

/// <summary>
/// The code symbols of a 64-bit little-endian ELF image (artifacts/&lt;arch&gt;/kernel.elf): every
/// FUNC or NOTYPE symbol in an executable section, from .symtab. ilc's method symbols are plain
/// names such as <c>kernel_KernelStress_Kernel_Arch_FaultInjection__Trigger</c>; the assembly
/// stubs add theirs (<c>ks_fault_invalid_opcode</c>). Only the ELF header, the section headers and
/// the symbol table are read, so the same code serves the x64 and AArch64 images.
/// </summary>
public sealed class ElfSymbols
{
    private const uint ShtSymtab = 2;
    private const ulong ShfExecInstr = 0x4;
    private const int SttNoType = 0;
    private const int SttFunc = 2;

    private static readonly byte[] s_magic = { 0x7F, (byte)'E', (byte)'L', (byte)'F' };

    private readonly Symbol[] _symbols;
    private readonly (ulong Start, ulong End)[] _code;

    private ElfSymbols(Symbol[] symbols, (ulong, ulong)[] code)
    {
        _symbols = symbols;
        _code = code;
    }

    public int Count => _symbols.Length;

    private readonly record struct Symbol(ulong Address, ulong Size, string Name);

    /// <summary>Reads the image; an unreadable or non-ELF64 file is a one-line error (exit 64).</summary>
    public static ElfSymbols Load(string path)
    {
        byte[] image;
        try
        {
            image = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Usage, $"cannot read the kernel image '{path}' for symbols: {e.Message}: build it (./kstress build) or pass --elf FILE");
        }
        try
        {
            return Parse(image);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            throw new KstressException(ExitCode.Usage, $"'{path}' is not a 64-bit little-endian ELF image with a symbol table ({e.Message}): pass the kernel.elf that produced the log with --elf");
        }
    }

    public static ElfSymbols Parse(ReadOnlySpan<byte> image)
    {
        if (image.Length < 64 || !image.Slice(0, 4).SequenceEqual(s_magic) || image[4] != 2 || image[5] != 1)
        {
            throw new FormatException("no ELF64 little-endian header");
        }
        ulong sectionsAt = BinaryPrimitives.ReadUInt64LittleEndian(image.Slice(0x28));
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(image.Slice(0x3A));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(image.Slice(0x3C));
        var sections = new Section[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> h = image.Slice(checked((int)sectionsAt + i * entrySize), 64);
            sections[i] = new Section(
                BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(4)),
                BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(8)),
                BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(16)),
                BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(24)),
                BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(32)),
                BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(40)));
        }

        int symtab = Array.FindIndex(sections, s => s.Type == ShtSymtab);
        if (symtab < 0)
        {
            throw new FormatException("no .symtab section (a stripped image)");
        }
        Section table = sections[symtab];
        Section strings = sections[table.Link];
        var symbols = new List<Symbol>();
        for (ulong at = table.Offset; at + 24 <= table.Offset + table.Size; at += 24)
        {
            ReadOnlySpan<byte> s = image.Slice(checked((int)at), 24);
            int type = s[4] & 0xF;
            int index = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(6));
            if ((type != SttFunc && type != SttNoType) || index == 0 || index >= sections.Length || (sections[index].Flags & ShfExecInstr) == 0)
            {
                continue;
            }
            ReadOnlySpan<byte> name = image.Slice(checked((int)(strings.Offset + BinaryPrimitives.ReadUInt32LittleEndian(s))));
            name = name.Slice(0, name.IndexOf((byte)0));
            // $x/$d are AArch64 mapping symbols and .L locals: markers, not functions.
            if (name.Length == 0 || name[0] == (byte)'$' || name.StartsWith(".L"u8))
            {
                continue;
            }
            symbols.Add(new Symbol(BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(8)), BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(16)), Encoding.UTF8.GetString(name)));
        }
        symbols.Sort((a, b) => a.Address != b.Address ? a.Address.CompareTo(b.Address) : b.Size.CompareTo(a.Size));
        var code = new List<(ulong, ulong)>();
        foreach (Section section in sections)
        {
            if ((section.Flags & ShfExecInstr) != 0 && section.Size > 0)
            {
                code.Add((section.Address, section.Address + section.Size));
            }
        }
        return new ElfSymbols(symbols.ToArray(), code.ToArray());
    }

    /// <summary>
    /// "name+0xoffset" for an address inside the image's code: the nearest symbol at or below it.
    /// Null for an address outside every executable section (a data or stack word).
    /// </summary>
    public string? Resolve(ulong address)
    {
        if (!Array.Exists(_code, c => address >= c.Start && address < c.End))
        {
            return null;
        }
        int lo = 0, hi = _symbols.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_symbols[mid].Address <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found < 0)
        {
            return null;
        }
        Symbol symbol = _symbols[found];
        ulong offset = address - symbol.Address;
        return offset == 0 ? symbol.Name : $"{symbol.Name}+0x{offset:x}";
    }

    private readonly record struct Section(uint Type, ulong Flags, ulong Address, ulong Offset, ulong Size, uint Link);
}
