// The IO APIC, which turns device interrupt lines (GSIs) into vectors for a
// local APIC. At 0xFEC00000 on QEMU's pc machine (the address the ACPI MADT
// reports there; parsing the MADT arrives with SMP bring-up). Registers are
// reached through an index (IOREGSEL) and a data window (IOWIN); the
// redirection entry of GSI n is registers 0x10 + 2n (low) and 0x11 + 2n (high).
using System.Threading;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class IoApic
    {
        private const ulong Base = 0xFEC00000;
        private const uint RegisterSelect = 0x00;
        private const uint Window = 0x10;
        private const uint RedirectionTable = 0x10;

        // Fixed delivery, physical destination, active high, edge triggered,
        // unmasked: the ISA conventions for the legacy lines.
        public static void Route(uint gsi, byte vector, byte destinationApicId)
        {
            WriteRegister(RedirectionTable + 2 * gsi + 1, (uint)destinationApicId << 24);
            WriteRegister(RedirectionTable + 2 * gsi, vector);
        }

        private static void WriteRegister(uint index, uint value)
        {
            Volatile.Write(ref *(uint*)(Base + RegisterSelect), index);
            Volatile.Write(ref *(uint*)(Base + Window), value);
        }
    }
}
