// Reads the flattened device tree (DTB, devicetree.org specification v0.4,
// chapter 5) that QEMU generates for virt: the RAM ranges from the `reg` of
// each /memory@... node (cells sized by the root's #address-cells and
// #size-cells), the CPUs' affinities from the `reg` of each /cpus/cpu@...
// node (sized by /cpus's #address-cells) and the PSCI conduit from /psci's `method`. QEMU hands an ELF
// kernel no pointer (x0 = 0) and puts the DTB at the start of RAM; a loader
// that passes one in x0 is believed when it starts with the DTB magic. All
// numbers in a DTB are big-endian.
// Fills PhysicalMemoryMap, keeping what the kernel may use: nothing below the
// image's end (the DTB, the image), nothing at or above 4 GiB (boot.s maps
// only the low 4 GiB), and not the DTB itself wherever it lies. Runs before
// statics exist and allocates nothing.
using System;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class DeviceTree
    {
        private const uint Magic = 0xD00DFEED;
        private const nuint RamStart = 0x4000_0000;
        private const ulong IdentityMapEnd = 4UL << 30;
        private const uint BeginNode = 1, EndNode = 2, Property = 3, Nop = 4, End = 9;

        private static CpuTable s_cpus;
        private static int s_cpuCount;

        [System.Runtime.CompilerServices.InlineArray(Arch.Processors.MaxCpus)]
        private struct CpuTable
        {
            private ulong _affinity;
        }

        // The CPUs Read found (every one counted, at most MaxCpus kept).
        public static int CopyCpus(Span<ulong> affinities)
        {
            for (int i = 0; i < s_cpuCount && i < Arch.Processors.MaxCpus && i < affinities.Length; i++)
                affinities[i] = s_cpus[i];
            return s_cpuCount;
        }

        public static void Read(nuint loaderArgument)
        {
            byte* blob = (byte*)(loaderArgument != 0 && Big32((byte*)loaderArgument) == Magic ? loaderArgument : RamStart);
            if (Big32(blob) != Magic)
                Panic.Halt("boot"u8, "no device tree: x0 held no DTB and none is at the start of RAM"u8);
            ulong blobEnd = (ulong)blob + Big32(blob + 4);
            byte* token = blob + Big32(blob + 8);
            byte* strings = blob + Big32(blob + 12);
            int depth = 0;
            uint addressCells = 2, sizeCells = 1;   // the specification's defaults
            uint cpuCells = 1;
            ReadOnlySpan<byte> node = default, child = default;
            while (true)
            {
                uint kind = Big32(token);
                token += 4;
                if (kind == BeginNode)
                {
                    int length = NameLength(token);
                    depth++;
                    if (depth == 2)
                        node = new ReadOnlySpan<byte>(token, length);
                    if (depth == 3)
                        child = new ReadOnlySpan<byte>(token, length);
                    token += Align4(length + 1);
                }
                else if (kind == EndNode)
                {
                    depth--;
                }
                else if (kind == Property)
                {
                    uint length = Big32(token);
                    ReadOnlySpan<byte> name = new ReadOnlySpan<byte>(strings + Big32(token + 4), NameLength(strings + Big32(token + 4)));
                    byte* value = token + 8;
                    if (depth == 1 && Same(name, "#address-cells"u8))
                        addressCells = Big32(value);
                    else if (depth == 1 && Same(name, "#size-cells"u8))
                        sizeCells = Big32(value);
                    else if (depth == 2 && node.Length >= 6 && Same(node.Slice(0, 6), "memory"u8) && Same(name, "reg"u8))
                        AddRamRanges(value, length, addressCells, sizeCells, (ulong)blob, blobEnd);
                    else if (depth == 2 && Same(node, "cpus"u8) && Same(name, "#address-cells"u8))
                        cpuCells = Big32(value);
                    else if (depth == 3 && Same(node, "cpus"u8) && child.Length >= 4 && Same(child.Slice(0, 4), "cpu@"u8) && Same(name, "reg"u8))
                        AddCpu(Cells(value, cpuCells));
                    else if (depth == 2 && Same(node, "psci"u8) && Same(name, "method"u8))
                        Psci.UseSmc(length >= 3 && Same(new ReadOnlySpan<byte>(value, 3), "smc"u8));
                    token += 8 + Align4((int)length);
                }
                else if (kind == End)
                {
                    return;
                }
                else if (kind != Nop)
                {
                    Panic.Halt("boot"u8, "the device tree's structure block holds an unknown token"u8);
                }
            }
        }

        private static void AddCpu(ulong affinity)
        {
            if (s_cpuCount < Arch.Processors.MaxCpus)
                s_cpus[s_cpuCount] = affinity;
            s_cpuCount++;
        }

        private static void AddRamRanges(byte* value, uint length, uint addressCells, uint sizeCells, ulong blobStart, ulong blobEnd)
        {
            uint entryBytes = (addressCells + sizeCells) * 4;
            for (uint offset = 0; offset + entryBytes <= length; offset += entryBytes)
            {
                ulong start = Cells(value + offset, addressCells);
                ulong size = Cells(value + offset + addressCells * 4, sizeCells);
                PhysicalMemoryMap.CountReportedRam(size);
                ulong floor = Cpu.ImageEnd();
                ulong end = start + size < IdentityMapEnd ? start + size : IdentityMapEnd;
                start = start > floor ? start : floor;
                // Around the DTB: the part below it and the part above it.
                PhysicalMemoryMap.AddUsable(start, end < blobStart ? end : blobStart);
                PhysicalMemoryMap.AddUsable(start > blobEnd ? start : blobEnd, end);
            }
        }

        private static ulong Cells(byte* value, uint cells) =>
            cells == 2 ? ((ulong)Big32(value) << 32) | Big32(value + 4) : Big32(value);

        private static uint Big32(byte* at) => ((uint)at[0] << 24) | ((uint)at[1] << 16) | ((uint)at[2] << 8) | at[3];

        private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            if (a.Length != b.Length)
                return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                    return false;
            }
            return true;
        }

        private static int NameLength(byte* name)
        {
            int length = 0;
            while (name[length] != 0)
                length++;
            return length;
        }

        private static int Align4(int bytes) => (bytes + 3) & ~3;
    }
}
