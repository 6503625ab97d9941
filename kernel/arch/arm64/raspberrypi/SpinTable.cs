// Starting a Raspberry Pi's other cores: the firmware's stub (armstub8, and
// QEMU's raspi boot code, hw/arm/raspi.c) parks cores 1-3 in WFE, each
// polling its release address 0xd8 + 8 * core; writing an entry point there
// and sending an event starts that core at it (with the MMU off, at the EL
// the firmware runs the stub in). The core reads the address from memory, so
// it is cleaned to the point of coherency first.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class SpinTable
    {
        private const nuint ReleaseAddresses = 0xD8;
        private const int MostCores = 4;   // release addresses 0xd8-0xf0

        // The cores of the board's one cluster, as many as its revision code
        // says (BoardRevision): affinities 0 to cores - 1.
        public static int Discover(nuint peripherals, System.Span<ulong> affinities)
        {
            int cores = BoardRevision.Cores(BoardRevision.Read(peripherals));
            for (int core = 0; core < cores && core < affinities.Length; core++)
                affinities[core] = (ulong)core;
            return cores;
        }

        public static bool Release(ulong core, nuint entry)
        {
            if (core == 0 || core >= MostCores)
                return false;
            ulong* release = (ulong*)(ReleaseAddresses + (nuint)core * 8);
            *release = entry;
            ks_dcache_clean_invalidate((nuint)release, sizeof(ulong));
            ks_send_event();
            return true;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_dcache_clean_invalidate")]
        private static extern void ks_dcache_clean_invalidate(nuint start, nuint bytes);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_send_event")]
        private static extern void ks_send_event();
    }
}
