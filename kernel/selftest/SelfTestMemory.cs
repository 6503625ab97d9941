// Fill and check patterns in memory the self-tests allocated.
namespace KernelStress.Kernel.SelfTest
{
    internal static unsafe class SelfTestMemory
    {
        public static void Fill(nuint start, nuint length, byte value)
        {
            byte* p = (byte*)start;
            for (nuint i = 0; i < length; i++)
                p[i] = value;
        }

        public static bool Holds(nuint start, nuint length, byte value)
        {
            byte* p = (byte*)start;
            for (nuint i = 0; i < length; i++)
            {
                if (p[i] != value)
                    return false;
            }
            return true;
        }
    }
}
