// Raw views of spans and arrays.
using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    public static class MemoryMarshal
    {
        public static ref T GetReference<T>(Span<T> span) => ref span._reference;

        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);

        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);

        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref T reference, int length) => new ReadOnlySpan<T>(ref reference, length);
    }

    // The layout of every array after the MethodTable pointer: element count,
    // padding, elements. Used to find element 0 without a bounds check.
    internal sealed class RawArrayData
    {
        public uint Length;
        public uint Padding;
        public byte Data;
    }

    public interface IDynamicInterfaceCastable
    {
        // CONTRACT with ilc: a method of this name must exist; the kernel never
        // casts dynamically.
        RuntimeTypeHandle GetDynamicInterfaceImplementation(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);
    }
}
