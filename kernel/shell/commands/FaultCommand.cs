// `fault de|ud|pf|gp [--fatal]`: raises a real CPU exception. By default in a
// sacrificial thread: the exception handler reports it (register dump and a
// `fault` record), kills that thread only, and the shell joins it and goes on
// (its stack and slot freed). With --fatal it is raised on the shell's own
// thread, which is not sacrificial: the kernel halts with a `panic` record
// (QEMU exits 35 on x64). A kind the arch has no exception for (`de` on
// arm64) is an error line naming the arch.
using System;
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Scheduling;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static unsafe class FaultCommand
    {
        public static void Run(ParsedCommand command, FaultKind kind, ReadOnlySpan<byte> name, TextSink output)
        {
            if (!FaultInjection.Exists(kind))
            {
                output.Write("error: fault '"u8);
                output.Write(name);
                output.Write("' does not exist on "u8);
                output.Write(Cpu.ArchName());
                output.WriteLine(" (the CPU has no such exception); try 'help fault'"u8);
                return;
            }
            if (command.Has(ShellCommands.FaultFatal))
            {
                output.Write("fault: raising "u8);
                output.Write(name);
                output.WriteLine(" on the shell's own thread; this halts the kernel"u8);
                FaultInjection.Trigger(kind);
                return;
            }
            int id = Scheduler.Spawn("fault"u8, &RaiseInThread, (nint)kind, ThreadPriority.Normal, sacrificial: true);
            if (id < 0)
            {
                output.WriteLine("error: fault: no thread could be started (thread table full or out of memory); try again after 'ps'"u8);
                return;
            }
            Scheduler.Join(id, out bool faulted);
            output.Write("fault: "u8);
            output.Write(name);
            output.Write(faulted ? " killed sacrificial thread "u8 : " did not fault in thread "u8);
            output.WriteDecimal((ulong)id);
            output.WriteLine(faulted ? "; the kernel goes on"u8 : ""u8);
        }

        private static void RaiseInThread(nint kind) => FaultInjection.Trigger((FaultKind)kind);
    }
}
