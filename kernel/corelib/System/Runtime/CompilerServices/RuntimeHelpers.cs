// Compiler-facing helpers: array initialisation from image data, type queries.
namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => InitializeArray(array, fldHandle);

        [Intrinsic]
        public static bool IsReferenceOrContainsReferences<T>() => IsReferenceOrContainsReferences<T>();

        public static int OffsetToStringData => 12;
    }
}
