// The type descriptor ilc emits for every type. CONTRACT with ilc: this prefix
// layout (flags with the component size in the low 16 bits, base size, related
// type, vtable slot count, interface count, hash), followed by the vtable and
// then the interface map. The kernel reads only what allocation and casts need.
using System.Runtime.InteropServices;

namespace Internal.Runtime
{
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MethodTable
    {
        private const uint HasComponentSizeFlag = 0x80000000;

        private uint _uFlags;
        private uint _uBaseSize;
        private MethodTable* _relatedType;
        private ushort _usNumVtableSlots;
        private ushort _usNumInterfaces;
        private uint _uHashCode;

        // Bytes of a fixed-size object, or of an array's header before its elements.
        internal uint BaseSize => _uBaseSize;

        // Bytes per element for arrays and strings, 0 for everything else.
        internal ushort ComponentSize => (_uFlags & HasComponentSizeFlag) != 0 ? (ushort)_uFlags : (ushort)0;

        // The base class for classes (element type for arrays: only classes are walked).
        internal MethodTable* ParentType => _relatedType;

        internal bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;

        internal int InterfaceCount => _usNumInterfaces;

        internal MethodTable* Interface(int index)
        {
            fixed (MethodTable* self = &this)
            {
                var interfaces = (MethodTable**)((byte*)self + sizeof(MethodTable) + _usNumVtableSlots * sizeof(nint));
                return interfaces[index];
            }
        }
    }
}
