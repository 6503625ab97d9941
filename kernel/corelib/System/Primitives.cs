// The primitive types. CONTRACT with ilc and the C# compiler: each wraps exactly
// one field of its own type (m_value); they carry only their range constants.
namespace System
{
    public struct Void { }
    public struct Boolean { private bool m_value; }
    public struct Char { private char m_value; }
    public struct SByte { private sbyte m_value; public const sbyte MinValue = -128; public const sbyte MaxValue = 127; }
    public struct Byte { private byte m_value; public const byte MinValue = 0; public const byte MaxValue = 0xFF; }
    public struct Int16 { private short m_value; public const short MinValue = -32768; public const short MaxValue = 32767; }
    public struct UInt16 { private ushort m_value; public const ushort MinValue = 0; public const ushort MaxValue = 0xFFFF; }
    public struct Int32 { private int m_value; public const int MinValue = unchecked((int)0x80000000); public const int MaxValue = 0x7FFFFFFF; }
    public struct UInt32 { private uint m_value; public const uint MinValue = 0; public const uint MaxValue = 0xFFFFFFFF; }
    public struct Int64 { private long m_value; public const long MinValue = unchecked((long)0x8000000000000000); public const long MaxValue = 0x7FFFFFFFFFFFFFFF; }
    public struct UInt64 { private ulong m_value; public const ulong MinValue = 0; public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF; }
    public struct Single { private float m_value; }
    public struct Double
    {
        private double m_value;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
    }

    public unsafe struct IntPtr
    {
        private void* m_value;
        public static readonly IntPtr Zero;
    }

    public unsafe struct UIntPtr
    {
        private void* m_value;
        public static readonly UIntPtr Zero;
    }

    public struct RuntimeTypeHandle { private IntPtr m_value; }
    public struct RuntimeMethodHandle { private IntPtr m_value; }
    public struct RuntimeFieldHandle { private IntPtr m_value; }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        private T value;
    }
}
