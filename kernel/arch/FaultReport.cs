// Reports a CPU exception: a human register dump on the console and a record
// (FaultDump's shape: the arch, the fault's name and vector, its registers, up
// to 8 stack words and the 16 bytes at the faulting instruction, so the host
// can disassemble it). In a sacrificial thread the record is a `fault` naming
// the thread, which is then killed while the kernel goes on; anywhere else it
// is a `panic` and the machine halts. A memory fault in the guard page below
// the thread's stack is reported as a stack overflow. A fault during the
// report, or while this CPU held the console, is a panic.
// The twins (x64/FaultReport.X64.cs, arm64/FaultReport.ARM64.cs) name the
// fault, give its faulting address and write the registers; they read memory
// only where it cannot fault the report itself.
using System;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Scheduling;
using KernelStress.Shell;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class FaultReport
    {
        public static void Handle(ExceptionFrame* frame)
        {
            if (!Panic.ConsoleReady)
                Cpu.HaltAfterPanic();
            // This CPU was writing to the console (or this report faulted): the
            // record buffer is mid-use and the lock could never be released.
            if (KernelConsole.Lock.IsHeldByThisCpu)
                Panic.Halt("cpu"u8, "a CPU exception while this CPU was writing to the console"u8);
            // The whole report holds the console, so reports from two CPUs do not interleave.
            KernelConsole.Lock.Enter();
            bool sacrifice = Scheduler.CanSacrificeCurrent();
            ReadOnlySpan<byte> name = Name(frame);
            TextSink output = KernelConsole.Out;
            if (sacrifice)
            {
                output.Write("\r\nFAULT [cpu] in sacrificial thread "u8);
                output.WriteDecimal((ulong)Scheduler.CurrentId);
                output.WriteLine(": the thread is killed, the kernel goes on"u8);
            }
            else
            {
                output.Write("\r\nPANIC [cpu]: "u8);
            }
            bool overflow = IsMemoryFault(frame) && Scheduler.InCurrentGuardPage(FaultAddress(frame));
            if (overflow)
                output.WriteLine("stack overflow: the faulting address is the guard page below the thread's stack"u8);
            WriteHuman(output, frame, name);
            JsonWriter json = FaultDump.BeginRecord(sacrifice ? "fault"u8 : "panic"u8, Cpu.ArchName(), name, Vector(frame), overflow);
            WriteRecordFields(ref json, frame);
            KernelConsole.EndRecord(ref json);
            if (!sacrifice)
                Cpu.HaltAfterPanic();
            KernelConsole.Lock.Exit();
            Scheduler.ExitAfterFault();
        }

        // As the report prints it: "page fault (#PF)", "data abort (EC 0x25)".
        private static partial ReadOnlySpan<byte> Name(ExceptionFrame* frame);

        // The record's `vector`: the x64 vector, the AArch64 exception class.
        private static partial ulong Vector(ExceptionFrame* frame);

        // A page fault or data abort: FaultAddress is the address it touched.
        private static partial bool IsMemoryFault(ExceptionFrame* frame);

        private static partial ulong FaultAddress(ExceptionFrame* frame);

        // After the FAULT/PANIC line: the name and every register, the stack and code lines.
        private static partial void WriteHuman(TextSink output, ExceptionFrame* frame, ReadOnlySpan<byte> name);

        // The record's arch-specific fields, between FaultDump.BeginRecord and the end of the record.
        private static partial void WriteRecordFields(ref JsonWriter json, ExceptionFrame* frame);
    }
}
