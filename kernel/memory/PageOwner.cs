// Who holds a physical page, one byte per page in PageAllocator. A free checks
// the tag, so a page can only be given back by the kind of user that took it.
namespace KernelStress.Kernel.Memory
{
    internal enum PageOwner : byte
    {
        Free = 0,
        // A hole in the memory map inside the allocator's range: never handed out.
        NotRam,
        // Taken once at boot for good (the allocator's own bitmap, the managed heap).
        Boot,
        // Whole pages for a caller of PageAllocator.Allocate (workloads, tests).
        Pages,
        // A KernelHeap slab of small blocks.
        HeapSlab,
        // A KernelHeap arena of large blocks.
        HeapArena,
        // A kernel thread's stack and the guard page below it (scheduler/ThreadStacks.cs).
        ThreadStack,
    }
}
