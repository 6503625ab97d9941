// `poweroff`: the last record (bye), then the machine powers off; under QEMU
// that ends the process with the profile's success exit code.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class PowerOffCommand
    {
        public static void Run(TextSink output)
        {
            output.WriteLine("Powering off."u8);
            JsonWriter json = KernelConsole.BeginRecord("bye"u8);
            json.WriteString("reason"u8, "poweroff"u8);
            json.WriteNumber("uptime_ms"u8, Clock.NowNanoseconds / 1_000_000);
            KernelConsole.EndRecord(ref json);
            Cpu.PowerOff();
        }
    }
}
