// The x86-64 half of FaultReport: the vector's name, cr2 as the faulting
// address, and the registers (vector, error code, rip, rsp, rflags, cr2, cr3,
// rax-r15). Memory is read only where the boot identity map covers it, so a
// wild rip or rsp cannot fault the report itself.
using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Records;
using KernelStress.Shell;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class FaultReport
    {
        private const ulong MappedStart = 0x1000;
        private const ulong MappedEnd = 0x1_0000_0000;  // boot.s identity-maps the low 4 GiB
        private const ulong PageFaultVector = 14;

        private static partial ReadOnlySpan<byte> Name(ExceptionFrame* frame) => FaultNames.Of(frame->Vector);

        private static partial ulong Vector(ExceptionFrame* frame) => frame->Vector;

        private static partial bool IsMemoryFault(ExceptionFrame* frame) => frame->Vector == PageFaultVector;

        private static partial ulong FaultAddress(ExceptionFrame* frame) => ks_read_cr2();

        // In the identity map and, on both its first and last byte, not a guard page.
        private static bool Readable(ulong address, int bytes) =>
            address >= MappedStart && address < MappedEnd - (ulong)bytes
            && Paging.IsMapped((nuint)address) && Paging.IsMapped((nuint)(address + (ulong)bytes - 1));

        private static partial void WriteHuman(TextSink output, ExceptionFrame* f, ReadOnlySpan<byte> name)
        {
            ulong cr2 = ks_read_cr2();
            ulong cr3 = ks_read_cr3();
            output.Write(name);
            output.Write(" vector="u8);
            output.WriteDecimal(f->Vector);
            output.Write(" error="u8);
            Hex.Write64(output, f->ErrorCode);
            output.WriteLine();
            FaultDump.Pair(output, "  rip="u8, f->Rip, " rsp="u8, f->Rsp);
            FaultDump.Pair(output, " rflags="u8, f->Rflags, " cr2="u8, cr2);
            output.Write(" cr3="u8);
            Hex.Write64(output, cr3);
            output.WriteLine();
            FaultDump.Pair(output, "  rax="u8, f->Rax, " rbx="u8, f->Rbx);
            FaultDump.Pair(output, " rcx="u8, f->Rcx, " rdx="u8, f->Rdx);
            output.WriteLine();
            FaultDump.Pair(output, "  rsi="u8, f->Rsi, " rdi="u8, f->Rdi);
            FaultDump.Pair(output, " rbp="u8, f->Rbp, " r8="u8, f->R8);
            output.WriteLine();
            FaultDump.Pair(output, "  r9="u8, f->R9, " r10="u8, f->R10);
            FaultDump.Pair(output, " r11="u8, f->R11, " r12="u8, f->R12);
            output.WriteLine();
            FaultDump.Pair(output, "  r13="u8, f->R13, " r14="u8, f->R14);
            output.Write(" r15="u8);
            Hex.Write64(output, f->R15);
            output.WriteLine();
            FaultDump.WriteStackLine(output, f->Rsp, Readable(f->Rsp, FaultDump.StackWords * 8));
            FaultDump.WriteCodeLine(output, "rip"u8, f->Rip, Readable(f->Rip, FaultDump.CodeBytes));
        }

        private static partial void WriteRecordFields(ref JsonWriter json, ExceptionFrame* f)
        {
            Hex.WriteJson64(ref json, "error_code"u8, f->ErrorCode);
            Hex.WriteJson64(ref json, "rip"u8, f->Rip);
            Hex.WriteJson64(ref json, "rsp"u8, f->Rsp);
            Hex.WriteJson64(ref json, "rflags"u8, f->Rflags);
            Hex.WriteJson64(ref json, "cr2"u8, ks_read_cr2());
            Hex.WriteJson64(ref json, "cr3"u8, ks_read_cr3());
            json.WriteStartObject("registers"u8);
            Hex.WriteJson64(ref json, "rax"u8, f->Rax);
            Hex.WriteJson64(ref json, "rbx"u8, f->Rbx);
            Hex.WriteJson64(ref json, "rcx"u8, f->Rcx);
            Hex.WriteJson64(ref json, "rdx"u8, f->Rdx);
            Hex.WriteJson64(ref json, "rsi"u8, f->Rsi);
            Hex.WriteJson64(ref json, "rdi"u8, f->Rdi);
            Hex.WriteJson64(ref json, "rbp"u8, f->Rbp);
            Hex.WriteJson64(ref json, "r8"u8, f->R8);
            Hex.WriteJson64(ref json, "r9"u8, f->R9);
            Hex.WriteJson64(ref json, "r10"u8, f->R10);
            Hex.WriteJson64(ref json, "r11"u8, f->R11);
            Hex.WriteJson64(ref json, "r12"u8, f->R12);
            Hex.WriteJson64(ref json, "r13"u8, f->R13);
            Hex.WriteJson64(ref json, "r14"u8, f->R14);
            Hex.WriteJson64(ref json, "r15"u8, f->R15);
            json.WriteEndObject();
            FaultDump.WriteMemoryJson(ref json, f->Rsp, Readable(f->Rsp, FaultDump.StackWords * 8), f->Rip, Readable(f->Rip, FaultDump.CodeBytes));
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_cr2")]
        private static extern ulong ks_read_cr2();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_cr3")]
        private static extern ulong ks_read_cr3();
    }
}
