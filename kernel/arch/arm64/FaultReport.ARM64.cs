// Reports a CPU exception: a human register dump on the console and a record
// of the same shape as x64's (arch/x64/FaultReport.X64.cs) with AArch64's
// registers: the exception class as `vector`, ESR_EL1 as `error_code` (and
// `esr`), ELR_EL1 (where it happened), sp, SPSR_EL1, FAR_EL1 (the faulting
// address of an abort), TTBR0_EL1, x0-x30, up to 8 stack words and the 16
// bytes at ELR (so the host can disassemble the faulting instruction). In a
// sacrificial thread the record is a `fault` naming the thread, which is then
// killed while the kernel goes on; anywhere else it is a `panic` and the
// machine halts. A data abort in the guard page below the thread's stack is
// reported as a stack overflow (vectors.s took it on the CPU's emergency
// stack). Memory is read only where it translates to Normal memory, so
// a wild ELR or sp cannot fault the report itself; a fault during the report,
// or while this CPU held the console, is a panic.
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Records;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Shell;
using KernelStress.Shell;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe class FaultReport
    {
        private const ulong DataAbort = 0x25;

        private static ReadOnlySpan<byte> RegisterNames => "x0x1x2x3x4x5x6x7x8x9x10x11x12x13x14x15x16x17x18x19x20x21x22x23x24x25x26x27x28x29x30"u8;

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
            ulong exceptionClass = ExceptionClasses.Of(frame->Esr);
            ReadOnlySpan<byte> name = ExceptionClasses.Name(frame->Slot, exceptionClass);
            ulong ttbr0 = ks_read_ttbr0();
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
            bool overflow = exceptionClass == DataAbort && Scheduler.InCurrentGuardPage(frame->Far);
            if (overflow)
                output.WriteLine("stack overflow: the faulting address is the guard page below the thread's stack"u8);
            WriteHuman(output, frame, name, exceptionClass, ttbr0);
            WriteRecord(sacrifice ? "fault"u8 : "panic"u8, frame, name, exceptionClass, ttbr0, overflow);
            if (!sacrifice)
                Cpu.HaltAfterPanic();
            KernelConsole.Lock.Exit();
            Scheduler.ExitAfterFault();
        }

        private static bool Readable(ulong address, int bytes) =>
            address + (ulong)bytes > address && ks_is_normal_memory((nuint)address) && ks_is_normal_memory((nuint)(address + (ulong)bytes - 1));

        // "x0" .. "x30": two characters for x0-x9, three after.
        private static ReadOnlySpan<byte> RegisterName(int index) =>
            index < 10 ? RegisterNames.Slice(index * 2, 2) : RegisterNames.Slice(20 + (index - 10) * 3, 3);

        private static void WriteHuman(TextSink output, ExceptionFrame* f, ReadOnlySpan<byte> name, ulong exceptionClass, ulong ttbr0)
        {
            output.Write(name);
            output.Write(" ec="u8);
            output.WriteDecimal(exceptionClass);
            output.Write(" esr="u8);
            Hex.Write64(output, f->Esr);
            output.WriteLine();
            FaultDump.Pair(output, "  elr="u8, f->Elr, " sp="u8, f->Sp);
            FaultDump.Pair(output, " spsr="u8, f->Spsr, " far="u8, f->Far);
            output.Write(" ttbr0="u8);
            Hex.Write64(output, ttbr0);
            output.WriteLine();
            for (int i = 0; i < ExceptionFrame.RegisterCount; i++)
            {
                output.Write(i % 4 == 0 ? "  "u8 : " "u8);
                output.Write(RegisterName(i));
                output.Write("="u8);
                Hex.Write64(output, f->X[i]);
                if (i % 4 == 3 || i == ExceptionFrame.RegisterCount - 1)
                    output.WriteLine();
            }
            FaultDump.WriteStackLine(output, f->Sp, Readable(f->Sp, FaultDump.StackWords * 8));
            FaultDump.WriteCodeLine(output, "elr"u8, f->Elr, Readable(f->Elr, FaultDump.CodeBytes));
        }

        private static void WriteRecord(ReadOnlySpan<byte> type, ExceptionFrame* f, ReadOnlySpan<byte> name, ulong exceptionClass, ulong ttbr0, bool overflow)
        {
            JsonWriter json = FaultDump.BeginRecord(type, "arm64"u8, name, exceptionClass, overflow);
            Hex.WriteJson64(ref json, "error_code"u8, f->Esr);
            Hex.WriteJson64(ref json, "esr"u8, f->Esr);
            Hex.WriteJson64(ref json, "elr"u8, f->Elr);
            Hex.WriteJson64(ref json, "sp"u8, f->Sp);
            Hex.WriteJson64(ref json, "spsr"u8, f->Spsr);
            Hex.WriteJson64(ref json, "far"u8, f->Far);
            Hex.WriteJson64(ref json, "ttbr0"u8, ttbr0);
            json.WriteStartObject("registers"u8);
            for (int i = 0; i < ExceptionFrame.RegisterCount; i++)
                Hex.WriteJson64(ref json, RegisterName(i), f->X[i]);
            json.WriteEndObject();
            FaultDump.WriteMemoryJson(ref json, f->Sp, Readable(f->Sp, FaultDump.StackWords * 8), f->Elr, Readable(f->Elr, FaultDump.CodeBytes));
            KernelConsole.EndRecord(ref json);
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_ttbr0")]
        private static extern ulong ks_read_ttbr0();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_is_normal_memory")]
        private static extern bool ks_is_normal_memory(nuint address);
    }
}
