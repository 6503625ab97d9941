// x86-64 twin of arch/Paging.cs. arch/x64/boot.s identity-maps 4 GiB with 2 MiB
// pages (PML4 -> PDPT -> page directory entries with PS set). Initialize
// replaces every 2 MiB entry that overlaps usable RAM by a page table of 512
// 4 KiB entries mapping the same frames with the same flags (one page of tables
// per 2 MiB, 1/512 of RAM, reserved at boot), then reloads CR3. SetGuard then
// flips one entry's present bit and invalidates that page's TLB entry on
// every CPU: here with invlpg, on the others by a TLB-shootdown IPI that
// SetGuard waits for (x86 has no broadcast invalidation). Only unmapping
// needs it: a CPU does not cache a not-present entry, so mapping a page back
// is safe with the local invlpg alone.
// SetGuard runs in thread context with interrupts enabled (ThreadStacks is
// called with no lock held): a CPU waiting for acknowledgements, or for
// another CPU's shootdown to finish, keeps answering shootdowns itself.
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Smp;

namespace KernelStress.Kernel.Arch
{
    internal static unsafe partial class Paging
    {
        private const ulong Present = 1UL << 0;
        private const ulong LargePage = 1UL << 7;
        // Present, writable, user, write-through, cache-disable: what a 4 KiB
        // entry inherits from the 2 MiB entry it replaces (bit 7 means PAT there).
        private const ulong InheritedFlags = 0x1F;
        private const ulong AddressMask = 0x000F_FFFF_FFFF_F000;
        private const nuint LargePageSize = 2 * 1024 * 1024;
        // What boot.s maps; RAM above it is not mapped at all (and not split).
        private const ulong MappedLimit = 4UL << 30;

        // One shootdown at a time: the page being unmapped and the CPUs yet to drop it.
        private static int s_shootdownBusy;
        private static nuint s_shootdownPage;
        private static int s_shootdownPending;

        public static partial void Initialize()
        {
            for (int i = 0; i < PhysicalMemoryMap.Count; i++)
            {
                MemoryRegion region = PhysicalMemoryMap.Region(i);
                nuint start = (nuint)region.Start & ~(LargePageSize - 1);
                for (nuint address = start; address < (nuint)region.End && address < MappedLimit; address += LargePageSize)
                    Split(address);
            }
            ks_write_cr3(ks_read_cr3());
        }

        public static partial void SetGuard(nuint page, bool guarded)
        {
            ulong* entry = PageEntry(page);
            if (entry == null)
                Panic.Halt("paging"u8, "a guard page was asked for outside the 4 KiB-mapped RAM"u8);
            while (Interlocked.CompareExchange(ref s_shootdownBusy, 1, 0) != 0)
                Cpu.SpinWaitHint();
            *entry = guarded ? *entry & ~Present : *entry | Present;
            ks_invalidate_page(page);
            int others = Scheduler.OnlineCpus - 1;
            if (guarded && others > 0)
            {
                s_shootdownPage = page;
                Volatile.Write(ref s_shootdownPending, others);
                int me = Processors.CurrentIndex();
                for (int cpu = 0; cpu <= others; cpu++)
                {
                    if (cpu != me)
                        SecondaryCpus.Signal(cpu, InterProcessorSignal.TlbShootdown);
                }
                while (Volatile.Read(ref s_shootdownPending) != 0)
                    Cpu.SpinWaitHint();
            }
            Volatile.Write(ref s_shootdownBusy, 0);
        }

        public static partial bool IsMapped(nuint address)
        {
            if ((ulong)address >= MappedLimit)
                return false;
            ulong* entry = PageEntry(address & ~(nuint)(PageAllocator.PageSize - 1));
            return entry == null || (*entry & Present) != 0;
        }

        // Interrupt context, on the TLB-shootdown IPI: drop this CPU's stale entry.
        public static void OnShootdown()
        {
            ks_invalidate_page(s_shootdownPage);
            Interlocked.Decrement(ref s_shootdownPending);
        }

        private static ulong* DirectoryEntry(nuint address)
        {
            ulong* pml4 = (ulong*)(ks_read_cr3() & AddressMask);
            ulong* pdpt = (ulong*)(pml4[(address >> 39) & 511] & AddressMask);
            ulong* directory = (ulong*)(pdpt[(address >> 30) & 511] & AddressMask);
            return directory + ((address >> 21) & 511);
        }

        private static void Split(nuint address)
        {
            ulong* directoryEntry = DirectoryEntry(address);
            ulong large = *directoryEntry;
            if ((large & LargePage) == 0)
                return;
            ulong* table = (ulong*)PageAllocator.ReserveAtBoot(1);
            ulong frame = large & AddressMask & ~(ulong)(LargePageSize - 1);
            for (ulong i = 0; i < 512; i++)
                table[i] = (frame + i * PageAllocator.PageSize) | (large & InheritedFlags);
            *directoryEntry = (ulong)table | (large & InheritedFlags);
        }

        // The 4 KiB entry mapping `page`, or null where a 2 MiB page maps it.
        private static ulong* PageEntry(nuint page)
        {
            ulong directory = *DirectoryEntry(page);
            if ((directory & LargePage) != 0)
                return null;
            ulong* table = (ulong*)(directory & AddressMask);
            return table + ((page >> 12) & 511);
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_read_cr3")]
        private static extern nuint ks_read_cr3();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_write_cr3")]
        private static extern void ks_write_cr3(nuint pml4);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "ks_invalidate_page")]
        private static extern void ks_invalidate_page(nuint page);
    }
}
