// Unsafe: every method is a JIT intrinsic that ilc expands inline; the bodies
// below only exist so the C# compiler accepts the declarations (and recurse if
// an intrinsic were ever not expanded, which would show in the map).
namespace System.Runtime.CompilerServices
{
    public static unsafe class Unsafe
    {
        [Intrinsic] public static T As<T>(object o) where T : class => As<T>(o);
        [Intrinsic] public static ref TTo As<TFrom, TTo>(ref TFrom source) => ref As<TFrom, TTo>(ref source);
        [Intrinsic] public static ref T Add<T>(ref T source, int elementOffset) => ref Add(ref source, elementOffset);
        [Intrinsic] public static ref T Add<T>(ref T source, nint elementOffset) => ref Add(ref source, elementOffset);
        [Intrinsic] public static ref T Add<T>(ref T source, nuint elementOffset) => ref Add(ref source, elementOffset);
        [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nint byteOffset) => ref AddByteOffset(ref source, byteOffset);
        [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nuint byteOffset) => ref AddByteOffset(ref source, byteOffset);
        [Intrinsic] public static nint ByteOffset<T>(ref T origin, ref T target) => ByteOffset(ref origin, ref target);
        [Intrinsic] public static void* AsPointer<T>(ref T value) => AsPointer(ref value);
        [Intrinsic] public static ref T AsRef<T>(void* source) => ref AsRef<T>(source);
        [Intrinsic] public static ref T AsRef<T>(scoped ref readonly T source) => ref AsRef(in source);
        [Intrinsic] public static int SizeOf<T>() => SizeOf<T>();
        [Intrinsic] public static bool AreSame<T>(ref T left, ref T right) => AreSame(ref left, ref right);
        [Intrinsic] public static bool IsAddressLessThan<T>(ref T left, ref T right) => IsAddressLessThan(ref left, ref right);
        [Intrinsic] public static bool IsAddressGreaterThan<T>(ref T left, ref T right) => IsAddressGreaterThan(ref left, ref right);
        [Intrinsic] public static T ReadUnaligned<T>(void* source) => ReadUnaligned<T>(source);
        [Intrinsic] public static T ReadUnaligned<T>(ref byte source) => ReadUnaligned<T>(ref source);
        [Intrinsic] public static void WriteUnaligned<T>(void* destination, T value) => WriteUnaligned(destination, value);
        [Intrinsic] public static void WriteUnaligned<T>(ref byte destination, T value) => WriteUnaligned(ref destination, value);
        [Intrinsic] public static ref T NullRef<T>() => ref NullRef<T>();
        [Intrinsic] public static bool IsNullRef<T>(ref T source) => IsNullRef(ref source);
        [Intrinsic] public static void SkipInit<T>(out T value) => SkipInit(out value);
    }
}
