// Kernel thread stacks: StackPages pages from the page allocator with one more
// page below them that is unmapped (Paging.SetGuard), so running off the bottom
// of a stack is a page fault at a known address instead of silent corruption
// of whatever lies below. Free maps the guard page again before the pages go
// back. Thread context only (the page allocator is not interrupt-safe).
using KernelStress.Kernel.Arch;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.Scheduling
{
    internal static class ThreadStacks
    {
        public const ulong StackPages = 4;
        public const ulong TotalPages = StackPages + 1;

        // The base (the guard page) of a new stack, or 0 when memory is out.
        public static nuint Allocate()
        {
            nuint stackBase = PageAllocator.Allocate(TotalPages, PageOwner.ThreadStack);
            if (stackBase != 0)
                Paging.SetGuard(stackBase, true);
            return stackBase;
        }

        public static nuint Top(nuint stackBase) => stackBase + (nuint)(TotalPages * PageAllocator.PageSize);

        public static void Free(nuint stackBase)
        {
            Paging.SetGuard(stackBase, false);
            if (PageAllocator.Free(stackBase, TotalPages, PageOwner.ThreadStack) != FreeStatus.Freed)
                Panic.Halt("scheduler"u8, "the page allocator refused a thread stack it handed out"u8);
        }
    }
}
