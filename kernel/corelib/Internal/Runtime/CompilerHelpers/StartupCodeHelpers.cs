// CONTRACT with ilc: this class must exist. The kernel's start-up work (statics,
// eager class constructors) lives in kernel/runtime/ModuleInitializer.cs.
namespace Internal.Runtime.CompilerHelpers
{
    internal static class StartupCodeHelpers
    {
    }
}
