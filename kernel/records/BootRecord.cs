// The first record of every boot: what the machine is and how long it took to
// reach the shell. boot_ms counts from reset (the cycle counter starts at zero
// then), so it includes the firmware and the loader, as far as the kernel can tell.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Shell;

namespace KernelStress.Kernel.Records
{
    internal static class BootRecord
    {
        public static void Emit(in BootInfo boot, int cpusOnline, ulong bootNanoseconds)
        {
            JsonWriter json = KernelConsole.BeginRecord("boot"u8);
            json.WriteNumber("schema"u8, 1UL);
            json.WriteString("arch"u8, Cpu.ArchName());
            json.WriteString("version"u8, KernelVersion.Text);
            json.WriteNumber("memory_bytes"u8, boot.MemoryBytes);
            json.WriteNumber("cpus"u8, (ulong)cpusOnline);
            json.WriteNumber("boot_ms"u8, bootNanoseconds / 1_000_000);
            json.WriteNumber("boot_us"u8, bootNanoseconds / 1_000);
            KernelConsole.EndRecord(ref json);
        }
    }
}
