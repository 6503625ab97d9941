// Casts and array element stores as ilc compiles them. Classes are matched by
// walking the parent chain, interfaces by scanning the interface map. Kernel
// code avoids casts on hot paths; a failed checked cast is a panic.
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    internal static unsafe class TypeCast
    {
        private static bool IsClassOrParent(MethodTable* type, MethodTable* target)
        {
            if (type->HasComponentSize)
                return type == target;
            for (MethodTable* t = type; t != null; t = t->ParentType)
            {
                if (t == target)
                    return true;
            }
            return false;
        }

        private static bool ImplementsInterface(MethodTable* type, MethodTable* target)
        {
            for (int i = 0; i < type->InterfaceCount; i++)
            {
                if (type->Interface(i) == target)
                    return true;
            }
            return false;
        }

        public static object IsInstanceOfClass(MethodTable* pTargetType, object obj)
            => obj == null || IsClassOrParent(obj.m_pMethodTable, pTargetType) ? obj : null;

        public static object IsInstanceOfInterface(MethodTable* pTargetType, object obj)
            => obj == null || ImplementsInterface(obj.m_pMethodTable, pTargetType) ? obj : null;

        public static object IsInstanceOfAny(MethodTable* pTargetType, object obj)
            => obj == null || obj.m_pMethodTable == pTargetType || IsClassOrParent(obj.m_pMethodTable, pTargetType)
               || ImplementsInterface(obj.m_pMethodTable, pTargetType) ? obj : null;

        public static object IsInstanceOfException(MethodTable* pTargetType, object obj) => IsInstanceOfClass(pTargetType, obj);

        public static object CheckCastClass(MethodTable* pTargetType, object obj)
        {
            if (IsInstanceOfClass(pTargetType, obj) == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        public static object CheckCastClassSpecial(MethodTable* pTargetType, object obj) => CheckCastClass(pTargetType, obj);

        public static object CheckCastInterface(MethodTable* pTargetType, object obj)
        {
            if (IsInstanceOfInterface(pTargetType, obj) == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        public static object CheckCastAny(MethodTable* pTargetType, object obj)
        {
            if (IsInstanceOfAny(pTargetType, obj) == null && obj != null)
                ThrowHelpers.ThrowInvalidCastException();
            return obj;
        }

        // Arrays of references are only ever stored to with their exact element
        // type in the kernel; covariance checks are not needed without a GC.
        public static void StelemRef(object[] array, nint index, object obj)
        {
            if ((nuint)index >= (nuint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<System.Runtime.InteropServices.RawArrayData>(array).Data), index) = obj;
        }

        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (nuint)array.Length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            return ref Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<System.Runtime.InteropServices.RawArrayData>(array).Data), index);
        }
    }
}
