// The arch-neutral kernel, entered once from the arch entry (arch/<arch>/KernelEntry)
// with the UART up, memory managed and statics initialised. Boot order:
// exception entry (so a fault anywhere after this is reported), clock, 4 KiB
// paging (guard pages need it), the scheduler (this code becomes the shell
// thread), the periodic tick and the UART receive interrupt (interrupts on
// from here), the other CPUs (each with its own tick), the command catalog's
// self-check, the console (panics now also emit records), the memory line, the
// boot record, then the shell, which never returns.
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Shell;
using KernelStress.Kernel.Smp;
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
            Paging.Initialize();
            Scheduler.Initialize();
            Ticks.Start();
            Uart.EnableReceiveInterrupt();
            Cpu.EnableInterrupts();
            SecondaryCpus.StartAll(KernelConsole.Out);
            var catalogError = new ErrorMessage();
            if (!ShellCommands.Catalog.Validate(catalogError))
                Panic.Halt("shell"u8, catalogError.Text);

            TextSink output = KernelConsole.Out;
            Panic.MarkConsoleReady();
            output.Write("KernelStress "u8);
            output.Write(KernelVersion.Text);
            output.WriteLine(" - a kernel that stresses itself. Type 'help' for the commands."u8);
            WriteMemoryLine(output, boot);
            BootRecord.Emit(boot, Scheduler.OnlineCpus, Clock.NowNanoseconds);
            new KernelShell(output).Run();
        }

        // "memory: 132796416 bytes usable of 133692416 reported as RAM, in 1 region(s); 32421 pages of 4 KiB" (-m 128M)
        private static void WriteMemoryLine(TextSink output, in BootInfo boot)
        {
            output.Write("memory: "u8);
            output.WriteDecimal(boot.MemoryBytes);
            output.Write(" bytes usable of "u8);
            output.WriteDecimal(boot.ReportedRamBytes);
            output.Write(" reported as RAM, in "u8);
            output.WriteDecimal((ulong)PhysicalMemoryMap.Count);
            output.Write(" region(s); "u8);
            output.WriteDecimal(PageAllocator.TotalPages);
            output.Write(" pages of 4 KiB"u8);
            if (PhysicalMemoryMap.DroppedRegions != 0)
            {
                output.Write("; "u8);
                output.WriteDecimal((ulong)PhysicalMemoryMap.DroppedRegions);
                output.Write(" more region(s) did not fit the map's table and are not used"u8);
            }
            output.WriteLine();
        }
    }
}
