// x86-64 twin of arch/ContextSwitch.cs. A saved context is six callee-saved
// registers (r15 lowest, then r14, r13, r12, rbp, rbx) under a return address,
// as ks_context_switch (arch/x64/context.s) pushes them; a new thread's return
// address is ks_thread_trampoline.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class ContextSwitch
    {
        private const int SavedRegisters = 6;

        public static partial nuint PrepareStack(nuint stackTop)
        {
            nuint* top = (nuint*)(stackTop & ~(nuint)15);
            top[-1] = ks_thread_trampoline_address();
            for (int i = 2; i <= SavedRegisters + 1; i++)
                top[-i] = 0;
            return (nuint)(top - (SavedRegisters + 1));
        }

        public static partial void Switch(nuint* saveStackPointer, nuint next) => ks_context_switch(saveStackPointer, next);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_context_switch")]
        private static extern void ks_context_switch(nuint* saveStackPointer, nuint next);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_thread_trampoline_address")]
        private static extern nuint ks_thread_trampoline_address();
    }
}
