// `version`: the kernel's name, version and arch.
using KernelStress.Kernel.Arch;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class VersionCommand
    {
        public static void Run(TextSink output)
        {
            output.Write("KernelStress "u8);
            output.Write(KernelVersion.Text);
            output.Write(" ("u8);
            output.Write(Cpu.ArchName());
            output.WriteLine(")"u8);
        }
    }
}
