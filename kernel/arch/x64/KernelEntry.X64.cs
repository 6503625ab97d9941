// The x86-64 entry from arch/x64/boot.s, in long mode with SSE on and a boot
// stack. Order matters: this CPU's index first (spinlocks record their owner
// by it), the UART (so a panic can be seen), then the boot
// memory map (read before any memory is written), the page allocator, the
// managed heap from its pages (statics need it), then statics, and only then
// arch-neutral code.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Runtime;
using System.Runtime;

namespace KernelStress.Kernel.Arch
{
    internal static class KernelEntry
    {
        private const nuint ManagedHeapBytes = 8 * 1024 * 1024;

        [RuntimeExport("kmain")]
        private static void KernelMain(uint multibootMagic, nuint multibootInfo, nuint modulesStart, nuint modulesEnd)
        {
            Processors.SetCurrentIndex(0);
            Uart.Initialize();
            if (multibootMagic != Multiboot.BootloaderMagic)
                Panic.Halt("boot"u8, "not started by a Multiboot loader (bad magic in eax)"u8);
            Multiboot.ReadMemoryMap(multibootInfo);
            PageAllocator.Initialize();
            ManagedHeap.Initialize(PageAllocator.ReserveAtBoot(ManagedHeapBytes / PageAllocator.PageSize), ManagedHeapBytes);
            ModuleInitializer.Run(modulesStart, modulesEnd);
            Kernel.Run(new BootInfo(PhysicalMemoryMap.ReportedRamBytes, PhysicalMemoryMap.UsableBytes));
        }
    }
}
