// A name kept in a table field, where a ReadOnlySpan cannot live: the bytes of
// a u8 literal, which ilc places in the image's read-only data, so the pointer
// stays valid for the life of the kernel. Build it from a literal only, never
// from a buffer or a stackalloc.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelStress.Kernel.Runtime
{
    internal readonly unsafe struct LiteralName
    {
        private readonly byte* _bytes;
        private readonly int _length;

        public LiteralName(ReadOnlySpan<byte> literal)
        {
            _bytes = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(literal));
            _length = literal.Length;
        }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(_bytes, _length);

        public bool IsEmpty => _length == 0;
    }
}
