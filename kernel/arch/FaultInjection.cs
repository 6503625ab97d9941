// Deliberate CPU exceptions for `fault KIND`, declared here and implemented by
// the arch twins. Each kind raises the arch's own exception for that class of
// error; Exists is false for a kind the arch has no such exception for
// (arm64 integer division by zero yields 0 instead of trapping).
namespace KernelStress.Kernel.Arch
{
    internal enum FaultKind
    {
        DivideError,
        InvalidOpcode,
        PageFault,
        GeneralProtection,
    }

    internal static partial class FaultInjection
    {
        public static partial bool Exists(FaultKind kind);

        // Raises the exception of a kind that Exists; does not return.
        public static partial void Trigger(FaultKind kind);
    }
}
