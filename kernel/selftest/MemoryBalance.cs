// A snapshot of the memory figures a self-test case must leave as it found them:
// free physical pages, the bytes the kernel heap holds from the page allocator,
// and the heap bytes handed out. Taken by KtapRunner around every case.
using KernelStress.Kernel.Memory;
using KernelStress.Shell;

namespace KernelStress.Kernel.SelfTest
{
    internal readonly struct MemoryBalance
    {
        public readonly ulong FreePages;
        public readonly ulong HeapHeldBytes;
        public readonly ulong HeapInUseBytes;

        private MemoryBalance(ulong freePages, ulong heapHeldBytes, ulong heapInUseBytes)
        {
            FreePages = freePages;
            HeapHeldBytes = heapHeldBytes;
            HeapInUseBytes = heapInUseBytes;
        }

        public static MemoryBalance Now() =>
            new MemoryBalance(PageAllocator.FreePages, KernelHeap.HeldBytes, KernelHeap.InUseBytes);

        public bool Equals(in MemoryBalance other) =>
            FreePages == other.FreePages && HeapHeldBytes == other.HeapHeldBytes && HeapInUseBytes == other.HeapInUseBytes;

        // " free pages 31000 -> 30999, heap held bytes 0 -> 4096, heap in-use bytes 0 -> 16"
        public static void WriteChange(TextSink output, in MemoryBalance before, in MemoryBalance after)
        {
            output.Write(" free pages "u8);
            output.WriteDecimal(before.FreePages);
            output.Write(" -> "u8);
            output.WriteDecimal(after.FreePages);
            output.Write(", heap held bytes "u8);
            output.WriteDecimal(before.HeapHeldBytes);
            output.Write(" -> "u8);
            output.WriteDecimal(after.HeapHeldBytes);
            output.Write(", heap in-use bytes "u8);
            output.WriteDecimal(before.HeapInUseBytes);
            output.Write(" -> "u8);
            output.WriteDecimal(after.HeapInUseBytes);
        }
    }
}
