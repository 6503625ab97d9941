// The CPUs the firmware describes in ACPI's MADT ("APIC" table), found through
// the RSDP that SeaBIOS (QEMU's firmware) leaves in the BIOS area
// 0xE0000-0xFFFFF, then the RSDT (32-bit entries) or, from ACPI 2.0 on, the
// XSDT (64-bit entries). Every table is checksummed before it is trusted.
// MADT entries used: type 0 (processor local APIC: APIC id at +3, flags at +4)
// and type 9 (processor local x2APIC: id at +4, flags at +8); flag bit 0 is
// "enabled", bit 1 "online capable" (may be started although not enabled).
// All of it lies in the low 4 GiB that boot.s identity-maps.
namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Madt
    {
        private const nuint BiosAreaStart = 0xE0000;
        private const nuint BiosAreaEnd = 0x100000;
        private const int HeaderLength = 36;
        private const ulong RsdpSignature = 0x2052545020445352; // "RSD PTR "
        private const uint ApicSignature = 0x43495041;          // "APIC"

        // Appends the APIC id of every usable CPU to `apicIds` (up to its length)
        // and returns how many the table lists; 0 when there is no valid MADT.
        public static int ReadApicIds(System.Span<ulong> apicIds)
        {
            byte* madt = FindTable(ApicSignature);
            if (madt == null)
                return 0;
            uint length = *(uint*)(madt + 4);
            int found = 0;
            for (byte* entry = madt + 44; entry + 2 <= madt + length && entry[1] >= 2; entry += entry[1])
            {
                ulong id;
                uint flags;
                if (entry[0] == 0 && entry[1] >= 8)
                {
                    id = entry[3];
                    flags = *(uint*)(entry + 4);
                }
                else if (entry[0] == 9 && entry[1] >= 16)
                {
                    id = *(uint*)(entry + 4);
                    flags = *(uint*)(entry + 8);
                }
                else
                {
                    continue;
                }
                if ((flags & 3) == 0)
                    continue;
                if (found < apicIds.Length)
                    apicIds[found] = id;
                found++;
            }
            return found;
        }

        private static byte* FindTable(uint signature)
        {
            byte* rsdp = FindRsdp();
            if (rsdp == null)
                return null;
            byte revision = rsdp[15];
            ulong xsdt = revision >= 2 ? *(ulong*)(rsdp + 24) : 0;
            bool wide = xsdt != 0 && xsdt < (1UL << 32);
            byte* root = wide ? (byte*)xsdt : (byte*)*(uint*)(rsdp + 16);
            if (root == null || !ChecksumOk(root, *(uint*)(root + 4)))
                return null;
            uint rootLength = *(uint*)(root + 4);
            int entrySize = wide ? 8 : 4;
            for (uint offset = HeaderLength; offset + entrySize <= rootLength; offset += (uint)entrySize)
            {
                ulong address = wide ? *(ulong*)(root + offset) : *(uint*)(root + offset);
                if (address == 0 || address >= (1UL << 32))
                    continue;
                byte* table = (byte*)address;
                if (*(uint*)table == signature && ChecksumOk(table, *(uint*)(table + 4)))
                    return table;
            }
            return null;
        }

        // The RSDP sits on a 16-byte boundary; its first 20 bytes sum to 0 (mod 256).
        private static byte* FindRsdp()
        {
            for (nuint address = BiosAreaStart; address < BiosAreaEnd; address += 16)
            {
                byte* candidate = (byte*)address;
                if (*(ulong*)candidate == RsdpSignature && ChecksumOk(candidate, 20))
                    return candidate;
            }
            return null;
        }

        private static bool ChecksumOk(byte* table, uint length)
        {
            if (length < 20 || length > 1 << 20)
                return false;
            byte sum = 0;
            for (uint i = 0; i < length; i++)
                sum += table[i];
            return sum == 0;
        }
    }
}
