// The allocation entry points ilc's code calls for 'new'. An object reference
// points 8 bytes into its block (the object header comes first); the
// MethodTable pointer is at the reference and an array's length right after it.
// Running out of managed memory is a panic: kernel code allocates only at start-up.
using Internal.Runtime;
using KernelStress.Kernel.Memory;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace KernelStress.Kernel.Runtime
{
    internal static unsafe class ObjectAllocator
    {
        private const int HeaderSize = 8;

        [RuntimeExport("RhpNewFast")]
        private static object NewObject(MethodTable* type) => Allocate(type, type->BaseSize);

        [RuntimeExport("RhpNewFinalizable")]
        private static object NewFinalizableObject(MethodTable* type) => Allocate(type, type->BaseSize);

        [RuntimeExport("RhpNewArrayFast")]
        private static object NewArray(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        private static object NewPointerArray(MethodTable* type, int length) => AllocateArray(type, length);

        // Allocates an object of the given type with its fields zeroed.
        internal static object Allocate(MethodTable* type, nuint size)
        {
            nuint block = ManagedHeap.Allocate(size);
            if (block == 0)
                Panic.Halt("memory"u8, "managed heap exhausted (the kernel allocated outside start-up)"u8);
            nuint reference = block + HeaderSize;
            *(MethodTable**)reference = type;
            return Unsafe.As<nuint, object>(ref reference);
        }

        private static object AllocateArray(MethodTable* type, int length)
        {
            if (length < 0)
                Panic.Halt("memory"u8, "negative array length"u8);
            nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
            object array = Allocate(type, size);
            nuint reference = Unsafe.As<object, nuint>(ref array);
            *(int*)(reference + (nuint)sizeof(nint)) = length;
            return array;
        }
    }
}
