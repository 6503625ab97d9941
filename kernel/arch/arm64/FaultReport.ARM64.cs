// The AArch64 half of FaultReport, in the record shape of x64's: the exception
// class as `vector`, ESR_EL1 as `error_code` (and `esr`), ELR_EL1 (where it
// happened), sp, SPSR_EL1, FAR_EL1 (the faulting address of an abort),
// TTBR0_EL1 and x0-x30. A data abort in the guard page below the thread's
// stack arrives on the CPU's emergency stack (vectors.s). Memory is read only
// where it translates to Normal memory, so a wild ELR or sp cannot fault the
// report itself.
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Records;
using KernelStress.Shell;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class FaultReport
    {
        private const ulong DataAbort = 0x25;

        private static ReadOnlySpan<byte> RegisterNames => "x0x1x2x3x4x5x6x7x8x9x10x11x12x13x14x15x16x17x18x19x20x21x22x23x24x25x26x27x28x29x30"u8;

        private static partial ReadOnlySpan<byte> Name(ExceptionFrame* frame) =>
            FaultNames.Of(frame->Slot, FaultNames.ExceptionClass(frame->Esr));

        private static partial ulong Vector(ExceptionFrame* frame) => FaultNames.ExceptionClass(frame->Esr);

        private static partial bool IsMemoryFault(ExceptionFrame* frame) => FaultNames.ExceptionClass(frame->Esr) == DataAbort;

        private static partial ulong FaultAddress(ExceptionFrame* frame) => frame->Far;

        private static bool Readable(ulong address, int bytes) =>
            address + (ulong)bytes > address && ks_is_normal_memory((nuint)address) && ks_is_normal_memory((nuint)(address + (ulong)bytes - 1));

        // "x0" .. "x30": two characters for x0-x9, three after.
        private static ReadOnlySpan<byte> RegisterName(int index) =>
            index < 10 ? RegisterNames.Slice(index * 2, 2) : RegisterNames.Slice(20 + (index - 10) * 3, 3);

        private static partial void WriteHuman(TextSink output, ExceptionFrame* f, ReadOnlySpan<byte> name)
        {
            output.Write(name);
            output.Write(" ec="u8);
            output.WriteDecimal(FaultNames.ExceptionClass(f->Esr));
            output.Write(" esr="u8);
            Hex.Write64(output, f->Esr);
            output.WriteLine();
            FaultDump.Pair(output, "  elr="u8, f->Elr, " sp="u8, f->Sp);
            FaultDump.Pair(output, " spsr="u8, f->Spsr, " far="u8, f->Far);
            output.Write(" ttbr0="u8);
            Hex.Write64(output, ks_read_ttbr0());
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

        private static partial void WriteRecordFields(ref JsonWriter json, ExceptionFrame* f)
        {
            Hex.WriteJson64(ref json, "error_code"u8, f->Esr);
            Hex.WriteJson64(ref json, "esr"u8, f->Esr);
            Hex.WriteJson64(ref json, "elr"u8, f->Elr);
            Hex.WriteJson64(ref json, "sp"u8, f->Sp);
            Hex.WriteJson64(ref json, "spsr"u8, f->Spsr);
            Hex.WriteJson64(ref json, "far"u8, f->Far);
            Hex.WriteJson64(ref json, "ttbr0"u8, ks_read_ttbr0());
            json.WriteStartObject("registers"u8);
            for (int i = 0; i < ExceptionFrame.RegisterCount; i++)
                Hex.WriteJson64(ref json, RegisterName(i), f->X[i]);
            json.WriteEndObject();
            FaultDump.WriteMemoryJson(ref json, f->Sp, Readable(f->Sp, FaultDump.StackWords * 8), f->Elr, Readable(f->Elr, FaultDump.CodeBytes));
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_ttbr0")]
        private static extern ulong ks_read_ttbr0();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_is_normal_memory")]
        private static extern bool ks_is_normal_memory(nuint address);
    }
}
