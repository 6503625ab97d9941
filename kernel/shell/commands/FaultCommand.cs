// `fault de|ud|pf|gp|stack [--fatal]`: raises a real CPU exception. By default
// in a sacrificial thread: the exception handler reports it (register dump and
// a `fault` record), kills that thread only, and the shell joins it and goes on
// (its stack and slot freed). `stack` recurses without bound until the thread
// runs into the guard page below its stack: a page fault taken on its own
// stack (x64: the IST), reported as a stack overflow. With --fatal the
// exception is raised on the shell's own thread, which is not sacrificial: the
// kernel halts with a `panic` record (QEMU exits 35 on x64). The shell runs on
// the boot stack, which has no guard page, so `stack --fatal` is refused. A
// kind the arch has no exception for (`de` on arm64) is an error line naming
// the arch.
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
            Sacrifice(&RaiseInThread, (nint)kind, name, output);
        }

        public static void RunStackOverflow(ParsedCommand command, TextSink output)
        {
            if (command.Has(ShellCommands.FaultFatal))
            {
                output.WriteLine("error: fault stack --fatal: the shell runs on the boot stack, which has no guard page to hit; run 'fault stack' without --fatal"u8);
                return;
            }
            Sacrifice(&Overflow, 0, "stack"u8, output);
        }

        private static void Sacrifice(delegate*<nint, void> entry, nint argument, ReadOnlySpan<byte> name, TextSink output)
        {
            int id = Scheduler.Spawn("fault"u8, entry, argument, ThreadPriority.Normal, sacrificial: true);
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

        private static void Overflow(nint unused) => Recurse(0);

        // 256 bytes of frame per call, each touched, and the result used after the
        // call so it cannot become a loop: a 16 KiB stack lasts some 60 calls.
        private static ulong Recurse(ulong depth)
        {
            byte* frame = stackalloc byte[256];
            frame[0] = (byte)depth;
            frame[255] = (byte)(depth >> 8);
            return Recurse(depth + 1) + frame[0] + frame[255];
        }

    }
}
