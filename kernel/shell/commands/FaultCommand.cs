// `fault de|ud|pf|gp`: raises a real CPU exception to show the fault report.
// There are no kernel threads to sacrifice yet, so the fault is fatal: the
// console shows the register dump, a `panic` record follows and the machine
// halts (QEMU exits 35 on x64).
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class FaultCommand
    {
        public static void Run(FaultKind kind, ReadOnlySpan<byte> name, TextSink output)
        {
            output.Write("fault: raising "u8);
            output.Write(name);
            output.WriteLine(" on the shell's own CPU; this halts the kernel"u8);
            if (!FaultInjection.Trigger(kind))
            {
                output.Write("error: fault '"u8);
                output.Write(name);
                output.Write("' does not exist on "u8);
                output.Write(Cpu.ArchName());
                output.WriteLine("; try 'help fault'"u8);
            }
        }
    }
}
