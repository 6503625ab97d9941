// Volatile loads and stores: a volatile field access, which the JIT never caches
// in a register and orders (ldar/stlr on arm64; plain mov on x64's TSO).
using System.Runtime.CompilerServices;

namespace System.Threading
{
    public static class Volatile
    {
        private struct VolatileInt32 { public volatile int Value; }
        private struct VolatileUInt32 { public volatile uint Value; }
        // 64-bit loads and stores are single instructions on both arches (the
        // kernel is 64-bit only), so a volatile pointer-sized field carries them.
        private struct VolatileIntPtr { public volatile nint Value; }
        private struct VolatileBoolean { public volatile bool Value; }

        public static int Read(ref int location) => Unsafe.As<int, VolatileInt32>(ref location).Value;
        public static uint Read(ref uint location) => Unsafe.As<uint, VolatileUInt32>(ref location).Value;
        public static long Read(ref long location) => Unsafe.As<long, VolatileIntPtr>(ref location).Value;
        public static ulong Read(ref ulong location) => (ulong)Unsafe.As<ulong, VolatileIntPtr>(ref location).Value;
        public static nuint Read(ref nuint location) => (nuint)Unsafe.As<nuint, VolatileIntPtr>(ref location).Value;
        public static bool Read(ref bool location) => Unsafe.As<bool, VolatileBoolean>(ref location).Value;

        public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt32>(ref location).Value = value;
        public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;
        public static void Write(ref long location, long value) => Unsafe.As<long, VolatileIntPtr>(ref location).Value = (nint)value;
        public static void Write(ref ulong location, ulong value) => Unsafe.As<ulong, VolatileIntPtr>(ref location).Value = (nint)value;
        public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;
    }
}
