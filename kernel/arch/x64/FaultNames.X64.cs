// The names of the x86-64 exception vectors (Intel SDM vol. 3, table 6-1), as
// the panic report prints them.
using System;

namespace KernelStress.Kernel.Arch
{
    internal static class FaultNames
    {
        public static ReadOnlySpan<byte> Of(ulong vector) => vector switch
        {
            0 => "divide error (#DE)"u8,
            1 => "debug (#DB)"u8,
            2 => "non-maskable interrupt"u8,
            3 => "breakpoint (#BP)"u8,
            4 => "overflow (#OF)"u8,
            5 => "bound range exceeded (#BR)"u8,
            6 => "invalid opcode (#UD)"u8,
            7 => "device not available (#NM)"u8,
            8 => "double fault (#DF)"u8,
            10 => "invalid TSS (#TS)"u8,
            11 => "segment not present (#NP)"u8,
            12 => "stack-segment fault (#SS)"u8,
            13 => "general protection (#GP)"u8,
            14 => "page fault (#PF)"u8,
            16 => "x87 floating-point error (#MF)"u8,
            17 => "alignment check (#AC)"u8,
            18 => "machine check (#MC)"u8,
            19 => "SIMD floating-point exception (#XM)"u8,
            20 => "virtualization exception (#VE)"u8,
            21 => "control protection (#CP)"u8,
            _ => vector < 32 ? "reserved exception"u8 : "unexpected interrupt"u8,
        };
    }
}
