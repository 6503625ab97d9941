// The page tables, as far as the arch-neutral kernel needs them, declared here
// and implemented by the arch twin (arch/x64/Paging.X64.cs). Memory stays
// identity-mapped (virtual = physical); what can change is whether one 4 KiB
// page is mapped at all, which is how thread stacks get a guard page below them.
namespace KernelStress.Kernel.Arch
{
    internal static partial class Paging
    {
        // Remaps the usable RAM (PhysicalMemoryMap) with 4 KiB pages so any one
        // page can be unmapped. The page tables are reserved at boot for good.
        public static partial void Initialize();

        // Maps (false) or unmaps (true) the 4 KiB page at `page`, which must lie
        // in usable RAM. An access to an unmapped page is a page fault.
        public static partial void SetGuard(nuint page, bool guarded);

        // Whether a load from `address` would find it mapped (a fault report
        // reads the stack and code of a thread that may have hit a guard page).
        public static partial bool IsMapped(nuint address);
    }
}
