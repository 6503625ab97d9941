// Block copies of memory that holds references (ilc's struct-copy helper).
namespace System
{
    public static class Buffer
    {
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
        {
            SpanHelpers.Memmove(ref destination, ref source, byteCount);
        }

        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
        {
            SpanHelpers.Memmove(ref destination, ref source, byteCount);
        }
    }
}
