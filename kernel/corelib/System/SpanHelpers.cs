// The JIT's copy/fill/zero helpers (ilc calls these for block copies and span
// operations). Plain loops: the kernel has no GC, so references need no barrier.
using System.Runtime.CompilerServices;

namespace System
{
    internal static unsafe class SpanHelpers
    {
        public static void Memmove(ref byte destination, ref byte source, nuint length)
        {
            byte* dst = (byte*)Unsafe.AsPointer(ref destination);
            byte* src = (byte*)Unsafe.AsPointer(ref source);
            if (dst == src || length == 0)
                return;
            if (dst < src || dst >= src + length)
            {
                nuint i = 0;
                for (; i + 8 <= length; i += 8)
                    *(ulong*)(dst + i) = *(ulong*)(src + i);
                for (; i < length; i++)
                    dst[i] = src[i];
            }
            else
            {
                // Overlapping with the destination above the source: copy backwards.
                for (nuint i = length; i > 0; i--)
                    dst[i - 1] = src[i - 1];
            }
        }

        public static void ClearWithoutReferences(ref byte destination, nuint length)
        {
            byte* dst = (byte*)Unsafe.AsPointer(ref destination);
            nuint i = 0;
            for (; i + 8 <= length; i += 8)
                *(ulong*)(dst + i) = 0;
            for (; i < length; i++)
                dst[i] = 0;
        }

        public static void ClearWithReferences(ref nint destination, nuint pointerSizeLength)
        {
            ClearWithoutReferences(ref Unsafe.As<nint, byte>(ref destination), pointerSizeLength * (nuint)sizeof(nint));
        }

        // memset: the JIT's helper for block initialisation with a non-zero byte.
        public static void Fill(ref byte destination, nuint length, byte value)
        {
            byte* dst = (byte*)Unsafe.AsPointer(ref destination);
            for (nuint i = 0; i < length; i++)
                dst[i] = value;
        }
    }
}
