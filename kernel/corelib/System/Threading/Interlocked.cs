// Atomic read-modify-write. CONTRACT with ilc: CompareExchange, Exchange and
// ExchangeAdd on int/long are [Intrinsic] with self-recursive bodies, exactly as
// the BCL declares them; the JIT expands them to lock cmpxchg / lock xadd on x64
// and to exclusive or LSE atomics on arm64. The rest is built on those three.
using System.Runtime.CompilerServices;

namespace System.Threading
{
    public static class Interlocked
    {
        [Intrinsic]
        public static int CompareExchange(ref int location1, int value, int comparand) => CompareExchange(ref location1, value, comparand);

        [Intrinsic]
        public static long CompareExchange(ref long location1, long value, long comparand) => CompareExchange(ref location1, value, comparand);

        [Intrinsic]
        public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

        [Intrinsic]
        public static long Exchange(ref long location1, long value) => Exchange(ref location1, value);

        [Intrinsic]
        internal static int ExchangeAdd(ref int location1, int value) => ExchangeAdd(ref location1, value);

        [Intrinsic]
        internal static long ExchangeAdd(ref long location1, long value) => ExchangeAdd(ref location1, value);

        public static uint CompareExchange(ref uint location1, uint value, uint comparand)
            => (uint)CompareExchange(ref Unsafe.As<uint, int>(ref location1), (int)value, (int)comparand);

        public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand)
            => (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref location1), (long)value, (long)comparand);

        public static nuint CompareExchange(ref nuint location1, nuint value, nuint comparand)
            => (nuint)CompareExchange(ref Unsafe.As<nuint, long>(ref location1), (long)value, (long)comparand);

        public static uint Exchange(ref uint location1, uint value) => (uint)Exchange(ref Unsafe.As<uint, int>(ref location1), (int)value);

        public static ulong Exchange(ref ulong location1, ulong value) => (ulong)Exchange(ref Unsafe.As<ulong, long>(ref location1), (long)value);

        public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

        public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;

        public static uint Add(ref uint location1, uint value) => (uint)Add(ref Unsafe.As<uint, int>(ref location1), (int)value);

        public static ulong Add(ref ulong location1, ulong value) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location1), (long)value);

        public static int Increment(ref int location) => Add(ref location, 1);

        public static long Increment(ref long location) => Add(ref location, 1);

        public static uint Increment(ref uint location) => Add(ref location, 1u);

        public static ulong Increment(ref ulong location) => Add(ref location, 1ul);

        public static int Decrement(ref int location) => Add(ref location, -1);

        public static long Decrement(ref long location) => Add(ref location, -1);

        public static uint Decrement(ref uint location) => (uint)Add(ref Unsafe.As<uint, int>(ref location), -1);

        public static ulong Decrement(ref ulong location) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), -1);

        public static long Read(ref long location) => CompareExchange(ref location, 0, 0);

        public static ulong Read(ref ulong location) => CompareExchange(ref location, 0, 0);
    }
}
