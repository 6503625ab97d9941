// The register-level thread switch, declared here, implemented by the arch twin
// (arch/x64/ContextSwitch.X64.cs over arch/x64/context.s). The scheduler calls
// Switch with its lock held and interrupts disabled; the thread switched to
// resumes inside its own earlier Switch call (or, on its first run, in the
// scheduler's thread start) still holding that lock.
namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class ContextSwitch
    {
        // Lays out a new thread's first frame below stackTop so that the first
        // Switch to it enters Scheduler's thread start; returns the stack
        // pointer to pass to Switch.
        public static partial nuint PrepareStack(nuint stackTop);

        // Saves the current thread's callee-saved registers on its stack and its
        // stack pointer in *saveStackPointer, then continues the thread whose
        // saved stack pointer is next.
        public static partial void Switch(nuint* saveStackPointer, nuint next);
    }
}
