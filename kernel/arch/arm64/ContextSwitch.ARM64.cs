// AArch64 twin of arch/ContextSwitch.cs. A saved context is the 160-byte frame
// ks_context_switch (arch/arm64/context.s) builds: x19-x28, x29 (frame
// pointer), x30 (the return address), d8-d15. A new thread's frame is zeros
// with ks_thread_trampoline as its x30.
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class ContextSwitch
    {
        private const int FrameWords = 20;
        private const int ReturnAddressWord = 11;

        public static partial nuint PrepareStack(nuint stackTop)
        {
            // AAPCS64: sp is 16-byte aligned at every public interface.
            nuint* frame = (nuint*)(stackTop & ~(nuint)15) - FrameWords;
            for (int i = 0; i < FrameWords; i++)
                frame[i] = 0;
            frame[ReturnAddressWord] = ks_thread_trampoline_address();
            return (nuint)frame;
        }

        public static partial void Switch(nuint* saveStackPointer, nuint next) => ks_context_switch(saveStackPointer, next);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_context_switch")]
        private static extern void ks_context_switch(nuint* saveStackPointer, nuint next);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_thread_trampoline_address")]
        private static extern nuint ks_thread_trampoline_address();
    }
}
