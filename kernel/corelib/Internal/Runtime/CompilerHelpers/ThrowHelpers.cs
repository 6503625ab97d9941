// Targets of the checks ilc compiles in (bounds, null, overflow, casts). There is
// no unwinder in the kernel, so each is a panic naming the broken rule.
using KernelStress.Kernel;

namespace Internal.Runtime.CompilerHelpers
{
    internal static class ThrowHelpers
    {
        public static void ThrowIndexOutOfRangeException() => Panic.Halt("runtime"u8, "index out of range"u8);
        public static void ThrowNullReferenceException() => Panic.Halt("runtime"u8, "null reference"u8);
        public static void ThrowOverflowException() => Panic.Halt("runtime"u8, "arithmetic overflow"u8);
        public static void ThrowDivideByZeroException() => Panic.Halt("runtime"u8, "division by zero"u8);
        public static void ThrowArrayTypeMismatchException() => Panic.Halt("runtime"u8, "array type mismatch"u8);
        public static void ThrowInvalidCastException() => Panic.Halt("runtime"u8, "invalid cast"u8);
        public static void ThrowPlatformNotSupportedException() => Panic.Halt("runtime"u8, "platform not supported (an intrinsic ilc did not expand)"u8);
        public static void ThrowTypeLoadException() => Panic.Halt("runtime"u8, "type load failure"u8);
        public static void ThrowArgumentException() => Panic.Halt("runtime"u8, "invalid argument"u8);
        public static void ThrowArgumentOutOfRangeException() => Panic.Halt("runtime"u8, "argument out of range"u8);
        public static void ThrowInvalidProgramException() => Panic.Halt("runtime"u8, "invalid program"u8);
        public static void ThrowFeatureBodyRemoved() => Panic.Halt("runtime"u8, "called a method body ilc removed"u8);
        public static void ThrowNotImplementedException() => Panic.Halt("runtime"u8, "not implemented"u8);
        public static void ThrowMissingMethodException() => Panic.Halt("runtime"u8, "missing method"u8);
        public static void ThrowMissingFieldException() => Panic.Halt("runtime"u8, "missing field"u8);
        public static void ThrowBadImageFormatException() => Panic.Halt("runtime"u8, "bad image format"u8);
    }
}
