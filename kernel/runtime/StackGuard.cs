// ilc protects frames that hold stackalloc buffers with a cookie (see
// __security_cookie in the arch's cpu.s); a frame whose cookie changed lands here.
using System.Runtime;

namespace KernelStress.Kernel.Runtime
{
    internal static class StackGuard
    {
        [RuntimeExport("RhpFallbackFailFast")]
        private static void CookieOverwritten() => Panic.Halt("runtime"u8, "stack buffer overrun: a stackalloc frame's cookie was overwritten"u8);
    }
}
