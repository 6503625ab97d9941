// Device registers: volatile 32-bit accesses, so each one reaches the device,
// in program order (the mappings are Device-nGnRnE: no gathering, no
// reordering, no early write acknowledgement).
using System.Threading;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class Mmio
    {
        public static uint Read(nuint address) => Volatile.Read(ref *(uint*)address);

        public static void Write(nuint address, uint value) => Volatile.Write(ref *(uint*)address, value);
    }
}
