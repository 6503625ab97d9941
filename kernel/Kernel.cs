// The arch-neutral kernel, entered once from the arch entry (arch/<arch>/KernelEntry)
// with the UART up and statics initialised. Boot order: exception entry (so a
// fault anywhere after this is reported), clock, the periodic tick (interrupts
// on from here), the command catalog's
// self-check, the console (panics now also emit records), the boot record,
// then the shell, which never returns.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Shell;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel
{
    internal static class Kernel
    {
        public static void Run(in BootInfo boot)
        {
            Interrupts.Initialize();
            Clock.Initialize();
            Ticks.Start();
            Cpu.EnableInterrupts();
            var catalogError = new ErrorMessage();
            if (!ShellCommands.Catalog.Validate(catalogError))
                Panic.Halt("shell"u8, catalogError.Text);

            TextSink output = KernelConsole.Out;
            Panic.MarkConsoleReady();
            output.Write("KernelStress "u8);
            output.Write(KernelVersion.Text);
            output.WriteLine(" - a kernel that stresses itself. Type 'help' for the commands."u8);
            BootRecord.Emit(boot, 1, Clock.NowNanoseconds);
            new KernelShell(output).Run();
        }
    }
}
