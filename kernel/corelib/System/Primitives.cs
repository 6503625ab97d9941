// The primitive types. CONTRACT with ilc and the C# compiler: each wraps exactly
// one field of its own type (m_value); they carry no behaviour here.
namespace System
{
    public struct Void { }
    public struct Boolean { private bool m_value; }
    public struct Char { private char m_value; }
    public struct SByte { private sbyte m_value; }
    public struct Byte { private byte m_value; }
    public struct Int16 { private short m_value; }
    public struct UInt16 { private ushort m_value; }
    public struct Int32 { private int m_value; }
    public struct UInt32 { private uint m_value; }
    public struct Int64 { private long m_value; }
    public struct UInt64 { private ulong m_value; }
    public struct Single { private float m_value; }
    public struct Double { private double m_value; }

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
