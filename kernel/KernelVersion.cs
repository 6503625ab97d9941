// The kernel's version, as `version` prints it and the boot record reports it.
using System;

namespace KernelStress.Kernel
{
    internal static class KernelVersion
    {
        public static ReadOnlySpan<byte> Text => "0.1.0"u8;
    }
}
