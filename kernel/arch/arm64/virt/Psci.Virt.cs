// PSCI (Arm DEN 0022), the firmware interface QEMU virt implements itself.
// The conduit (hvc, or smc when QEMU emulates EL2 or EL3) is what the device
// tree's /psci node says in its "method" property (DeviceTree.Read records it).
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static class Psci
    {
        private const ulong SystemOffId = 0x8400_0008;
        private const ulong CpuOnId = 0xC400_0003;        // CPU_ON, SMC64 calling convention
        private const ulong Success = 0;

        private static bool s_viaSmc;

        // Before statics exist: a primitive static only.
        public static void UseSmc(bool viaSmc) => s_viaSmc = viaSmc;

        public static void SystemOff() => Call(SystemOffId, 0, 0, 0);

        // Starts the CPU with affinity `target` at `entry` (EL1, MMU off, x0 = 0).
        public static bool CpuOn(ulong target, nuint entry) => Call(CpuOnId, target, entry, 0) == Success;

        private static ulong Call(ulong function, ulong a1, ulong a2, ulong a3) =>
            s_viaSmc ? ks_smc_call(function, a1, a2, a3) : ks_hvc_call(function, a1, a2, a3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_hvc_call")]
        private static extern ulong ks_hvc_call(ulong function, ulong a1, ulong a2, ulong a3);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_smc_call")]
        private static extern ulong ks_smc_call(ulong function, ulong a1, ulong a2, ulong a3);
    }
}
