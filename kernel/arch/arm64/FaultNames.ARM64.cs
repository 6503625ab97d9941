// The names of the ESR_EL1 exception classes (EC, bits 31:26; Arm ARM D17.2.37)
// and of the vector-table slots that are not synchronous exceptions, as the
// fault report prints them.
using System;

namespace KernelStress.Kernel.Arch
{
    internal static class FaultNames
    {
        public static ulong ExceptionClass(ulong esr) => (esr >> 26) & 0x3F;

        public static ReadOnlySpan<byte> Of(ulong slot, ulong exceptionClass)
        {
            switch (slot & 3)
            {
                case 1: return "unexpected IRQ"u8;
                case 2: return "unexpected FIQ"u8;
                case 3: return "SError (asynchronous abort)"u8;
            }
            return exceptionClass switch
            {
                0x00 => "undefined instruction (EC 0x00)"u8,
                0x01 => "trapped WFI/WFE (EC 0x01)"u8,
                0x07 => "trapped FP/SIMD access (EC 0x07)"u8,
                0x0E => "illegal execution state (EC 0x0E)"u8,
                0x15 => "SVC (EC 0x15)"u8,
                0x16 => "HVC (EC 0x16)"u8,
                0x17 => "SMC (EC 0x17)"u8,
                0x18 => "trapped system register access (EC 0x18)"u8,
                0x20 => "instruction abort from EL0 (EC 0x20)"u8,
                0x21 => "instruction abort (EC 0x21)"u8,
                0x22 => "PC alignment fault (EC 0x22)"u8,
                0x24 => "data abort from EL0 (EC 0x24)"u8,
                0x25 => "data abort (EC 0x25)"u8,
                0x26 => "SP alignment fault (EC 0x26)"u8,
                0x2C => "trapped floating-point exception (EC 0x2C)"u8,
                0x2F => "SError (EC 0x2F)"u8,
                0x3C => "BRK instruction (EC 0x3C)"u8,
                _ => "unknown exception class"u8,
            };
        }
    }
}
