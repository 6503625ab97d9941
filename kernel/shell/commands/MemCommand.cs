// `mem`: physical pages, the kernel heap and the managed heap, as human lines
// and one `mem` record. Reads counters and walks the heap's free lists; it
// allocates nothing, so running it leaves every figure it prints unchanged.
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Memory;
using KernelStress.Shell;

namespace KernelStress.Kernel.Shell.Commands
{
    internal static class MemCommand
    {
        public static void Run(TextSink output)
        {
            KernelHeap.LargeFreeBytes(out ulong largeFree, out ulong largestFree);
            ulong heapFree = largeFree + KernelHeap.SlabFreeBytes;
            // How much of the arenas' free space is not in the largest block: 0 = one block.
            ulong fragmentationPct = largeFree == 0 ? 0 : 100 - largestFree * 100 / largeFree;

            output.Write("Memory map: "u8);
            output.WriteDecimal(PhysicalMemoryMap.UsableBytes);
            output.Write(" bytes usable in "u8);
            output.WriteDecimal((ulong)PhysicalMemoryMap.Count);
            output.Write(" region(s), of "u8);
            output.WriteDecimal(PhysicalMemoryMap.ReportedRamBytes);
            output.WriteLine(" reported as RAM"u8);

            output.Write("Pages (4 KiB): total="u8);
            output.WriteDecimal(PageAllocator.TotalPages);
            output.Write(" free="u8);
            output.WriteDecimal(PageAllocator.FreePages);
            output.Write(" used="u8);
            output.WriteDecimal(PageAllocator.UsedPages);
            output.Write(" (boot="u8);
            output.WriteDecimal(PageAllocator.BootPages);
            output.Write(") peak="u8);
            output.WriteDecimal(PageAllocator.PeakUsedPages);
            output.Write(" failed="u8);
            output.WriteDecimal(PageAllocator.FailedAllocations);
            output.Write(" double_frees="u8);
            output.WriteDecimal(PageAllocator.DoubleFrees);
            output.Write(" foreign_frees="u8);
            output.WriteDecimal(PageAllocator.ForeignFrees);
            output.WriteLine();

            output.Write("Heap: held="u8);
            output.WriteDecimal(KernelHeap.HeldBytes);
            output.Write(" in_use="u8);
            output.WriteDecimal(KernelHeap.InUseBytes);
            output.Write(" free="u8);
            output.WriteDecimal(heapFree);
            output.Write(" peak="u8);
            output.WriteDecimal(KernelHeap.PeakInUseBytes);
            output.Write(" bytes, arenas="u8);
            output.WriteDecimal(KernelHeap.ArenaCount);
            output.Write(" large_live="u8);
            output.WriteDecimal(KernelHeap.LargeLive);
            output.Write(" fragmentation="u8);
            output.WriteDecimal(fragmentationPct);
            output.WriteLine("%"u8);
            for (int i = 0; i < KernelHeap.SizeClassCount; i++)
            {
                output.Write("  class "u8);
                output.WriteDecimal((ulong)KernelHeap.SizeClassBytes(i));
                output.Write(": live="u8);
                output.WriteDecimal(KernelHeap.SizeClassLive(i));
                output.Write(" allocations="u8);
                output.WriteDecimal(KernelHeap.SizeClassAllocations(i));
                output.Write(" slabs="u8);
                output.WriteDecimal(KernelHeap.SizeClassSlabs(i));
                output.WriteLine();
            }
            output.Write("Heap checks: failed_allocations="u8);
            output.WriteDecimal(KernelHeap.FailedAllocations);
            output.Write(" double_frees="u8);
            output.WriteDecimal(KernelHeap.DoubleFrees);
            output.Write(" foreign_frees="u8);
            output.WriteDecimal(KernelHeap.ForeignFrees);
            output.Write(" bad_headers="u8);
            output.WriteDecimal(KernelHeap.CorruptHeaders);
            output.WriteLine();

            output.Write("Managed heap: allocations="u8);
            output.WriteDecimal(ManagedHeap.AllocationCount);
            output.Write(" bytes="u8);
            output.WriteDecimal((ulong)ManagedHeap.BytesUsed);
            output.Write(" of "u8);
            output.WriteDecimal((ulong)ManagedHeap.BytesTotal);
            output.WriteLine();

            JsonWriter json = KernelConsole.BeginRecord("mem"u8);
            json.WriteNumber("ram_bytes"u8, PhysicalMemoryMap.ReportedRamBytes);
            json.WriteNumber("usable_bytes"u8, PhysicalMemoryMap.UsableBytes);
            json.WriteNumber("regions"u8, (ulong)PhysicalMemoryMap.Count);
            json.WriteNumber("page_size"u8, (ulong)PageAllocator.PageSize);
            json.WriteNumber("pages_total"u8, PageAllocator.TotalPages);
            json.WriteNumber("pages_free"u8, PageAllocator.FreePages);
            json.WriteNumber("pages_used"u8, PageAllocator.UsedPages);
            json.WriteNumber("pages_boot"u8, PageAllocator.BootPages);
            json.WriteNumber("pages_peak"u8, PageAllocator.PeakUsedPages);
            json.WriteNumber("page_failed_allocations"u8, PageAllocator.FailedAllocations);
            json.WriteNumber("page_double_frees"u8, PageAllocator.DoubleFrees);
            json.WriteNumber("page_foreign_frees"u8, PageAllocator.ForeignFrees);
            json.WriteNumber("heap_held_bytes"u8, KernelHeap.HeldBytes);
            json.WriteNumber("heap_in_use_bytes"u8, KernelHeap.InUseBytes);
            json.WriteNumber("heap_free_bytes"u8, heapFree);
            json.WriteNumber("heap_peak_bytes"u8, KernelHeap.PeakInUseBytes);
            json.WriteNumber("heap_largest_free_bytes"u8, largestFree);
            json.WriteNumber("heap_fragmentation_pct"u8, fragmentationPct);
            json.WriteNumber("heap_arenas"u8, KernelHeap.ArenaCount);
            json.WriteNumber("heap_large_live"u8, KernelHeap.LargeLive);
            json.WriteNumber("heap_large_allocations"u8, KernelHeap.LargeAllocations);
            json.WriteStartArray("size_classes"u8);
            for (int i = 0; i < KernelHeap.SizeClassCount; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("size"u8, (ulong)KernelHeap.SizeClassBytes(i));
                json.WriteNumber("live"u8, KernelHeap.SizeClassLive(i));
                json.WriteNumber("allocations"u8, KernelHeap.SizeClassAllocations(i));
                json.WriteNumber("slabs"u8, KernelHeap.SizeClassSlabs(i));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("failed_allocations"u8, KernelHeap.FailedAllocations);
            json.WriteNumber("double_frees"u8, KernelHeap.DoubleFrees);
            json.WriteNumber("foreign_frees"u8, KernelHeap.ForeignFrees);
            json.WriteNumber("bad_headers"u8, KernelHeap.CorruptHeaders);
            json.WriteNumber("corruptions_detected"u8, KernelHeap.CorruptionsDetected);
            json.WriteNumber("managed_allocations"u8, ManagedHeap.AllocationCount);
            json.WriteNumber("managed_bytes"u8, (ulong)ManagedHeap.BytesUsed);
            json.WriteNumber("managed_capacity_bytes"u8, (ulong)ManagedHeap.BytesTotal);
            KernelConsole.EndRecord(ref json);
        }
    }
}
