// The few math functions portable code may use (docs/portable-code.md).
using System.Runtime.CompilerServices;

namespace System
{
    public static class Math
    {
        public static int Min(int a, int b) => a < b ? a : b;
        public static uint Min(uint a, uint b) => a < b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        public static double Min(double a, double b) => a < b ? a : b;
        public static int Max(int a, int b) => a > b ? a : b;
        public static uint Max(uint a, uint b) => a > b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        public static double Max(double a, double b) => a > b ? a : b;
        public static int Abs(int value) => value < 0 ? -value : value;
        public static long Abs(long value) => value < 0 ? -value : value;
        public static double Abs(double value) => value < 0 ? -value : value;

        // Expands to sqrtsd (x64) / fsqrt (arm64).
        [Intrinsic]
        public static double Sqrt(double d) => Sqrt(d);

        // The full 128-bit product, from four 32x32 partial products.
        public static ulong BigMul(ulong a, ulong b, out ulong low)
        {
            ulong aLow = (uint)a, aHigh = a >> 32;
            ulong bLow = (uint)b, bHigh = b >> 32;
            ulong lowLow = aLow * bLow;
            ulong highLow = aHigh * bLow;
            ulong lowHigh = aLow * bHigh;
            ulong highHigh = aHigh * bHigh;
            ulong cross = (lowLow >> 32) + (uint)highLow + lowHigh;
            low = (cross << 32) | (uint)lowLow;
            return highHigh + (highLow >> 32) + (cross >> 32);
        }
    }
}
