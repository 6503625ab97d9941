// What arch/x64/interrupts.s leaves on the stack for the C# handler, lowest
// address first: the general registers it saved, the vector and error code it
// pushed, then the frame the CPU pushed (rip, cs, rflags, rsp, ss).
// CONTRACT with interrupts.s: the field order is the reverse of its pushes.
using System.Runtime.InteropServices;

namespace KernelStress.Kernel.Arch
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct ExceptionFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector;
        public ulong ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
