// The AArch64 entry from arch/arm64/boot.s, at EL1 with the MMU, caches and
// FP/SIMD on and a boot stack. Order matters: the UART first (so a panic can
// be seen), then the board's memory map (read before any memory is written),
// the page allocator, the managed heap from its pages (statics need it), then
// statics, and only then arch-neutral code.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Runtime;
using System.Runtime;

namespace KernelStress.Kernel.Arch
{
    internal static class KernelEntry
    {
        private const nuint ManagedHeapBytes = 8 * 1024 * 1024;

        [RuntimeExport("kmain")]
        private static void KernelMain(nuint loaderArgument, nuint modulesStart, nuint modulesEnd)
        {
            Processors.SetCurrentIndex(0);
            Uart.Initialize();
            Board.ReadMemoryMap(loaderArgument);
            if (PhysicalMemoryMap.Count == 0)
                Panic.Halt("boot"u8, "the board reported no usable RAM above the kernel image"u8);
            PageAllocator.Initialize();
            ManagedHeap.Initialize(PageAllocator.ReserveAtBoot(ManagedHeapBytes / PageAllocator.PageSize), ManagedHeapBytes);
            ModuleInitializer.Run(modulesStart, modulesEnd);
            Kernel.Run(new BootInfo(PhysicalMemoryMap.ReportedRamBytes, PhysicalMemoryMap.UsableBytes));
        }
    }
}
