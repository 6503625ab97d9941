// The page allocator's checks, the first cases of `selftest heap`: single
// pages and runs, and the detection of double frees and of wrong-owner,
// misaligned, boot-reserved and out-of-RAM frees. Every case frees what it
// allocated (the runner's MemoryBalance checks), and allocates no managed object.
using System;
using System.Runtime.CompilerServices;
using KernelStress.Kernel.Console;
using KernelStress.Kernel.Memory;

namespace KernelStress.Kernel.SelfTest
{
    internal static unsafe class PageSelfTest
    {
        private const nuint Page = PageAllocator.PageSize;

        public static readonly SelfTestCase[] Cases =
        {
            new SelfTestCase("pages_single_and_runs"u8, &PagesSingleAndRuns),
            new SelfTestCase("pages_double_free_detected"u8, &PagesDoubleFree),
            new SelfTestCase("pages_foreign_free_detected"u8, &PagesForeignFree),
        };

        private static bool PagesSingleAndRuns(ref ReadOnlySpan<byte> reason)
        {
            ulong free = PageAllocator.FreePages;
            nuint one = PageAllocator.Allocate(1, PageOwner.Pages);
            nuint two = PageAllocator.Allocate(1, PageOwner.Pages);
            nuint run = PageAllocator.Allocate(17, PageOwner.Pages);
            bool ok = one != 0 && two != 0 && run != 0;
            ok &= one % Page == 0 && two % Page == 0 && run % Page == 0;
            ok &= one != two && (run + 17 * Page <= one || one + Page <= run) && (run + 17 * Page <= two || two + Page <= run);
            ok &= PageAllocator.FreePages == free - 19;
            ok &= PageAllocator.OwnerOf(run + 16 * Page) == PageOwner.Pages;
            if (ok)
            {
                SelfTestMemory.Fill(run, 17 * Page, 0x5A);
                SelfTestMemory.Fill(one, Page, 0x11);
                ok &= SelfTestMemory.Holds(run, 17 * Page, 0x5A);
            }
            bool freed = PageAllocator.Free(one, 1, PageOwner.Pages) == FreeStatus.Freed;
            freed &= PageAllocator.Free(two, 1, PageOwner.Pages) == FreeStatus.Freed;
            freed &= PageAllocator.Free(run, 17, PageOwner.Pages) == FreeStatus.Freed;
            if (!ok)
                reason = "pages overlap, are misaligned, or the free count did not drop by 19"u8;
            else if (!freed)
                reason = "a free of an allocated run was rejected"u8;
            return ok && freed;
        }

        private static bool PagesDoubleFree(ref ReadOnlySpan<byte> reason)
        {
            ulong doubleFrees = PageAllocator.DoubleFrees;
            nuint page = PageAllocator.Allocate(1, PageOwner.Pages);
            if (page == 0 || PageAllocator.Free(page, 1, PageOwner.Pages) != FreeStatus.Freed)
            {
                reason = "could not allocate and free one page"u8;
                return false;
            }
            if (PageAllocator.Free(page, 1, PageOwner.Pages) != FreeStatus.DoubleFree || PageAllocator.DoubleFrees != doubleFrees + 1)
            {
                reason = "a second free of a page was not reported as a double free"u8;
                return false;
            }
            return true;
        }

        private static bool PagesForeignFree(ref ReadOnlySpan<byte> reason)
        {
            ulong foreign = PageAllocator.ForeignFrees;
            nuint page = PageAllocator.Allocate(1, PageOwner.Pages);
            if (page == 0)
            {
                reason = "could not allocate one page"u8;
                return false;
            }
            object managed = KernelConsole.Out;
            nuint bootPage = Unsafe.As<object, nuint>(ref managed) & ~(Page - 1);
            bool ok = PageAllocator.Free(page, 1, PageOwner.HeapSlab) == FreeStatus.Foreign;
            ok &= PageAllocator.Free(page + 8, 1, PageOwner.Pages) == FreeStatus.Foreign;
            ok &= PageAllocator.Free(bootPage, 1, PageOwner.Boot) == FreeStatus.Foreign;
            ok &= PageAllocator.Free((nuint)1 << 40, 1, PageOwner.Pages) == FreeStatus.Foreign;
            ok &= PageAllocator.ForeignFrees == foreign + 4;
            bool freed = PageAllocator.Free(page, 1, PageOwner.Pages) == FreeStatus.Freed;
            if (!ok)
                reason = "a wrong-owner, misaligned, boot-reserved or out-of-RAM free was not reported as foreign"u8;
            else if (!freed)
                reason = "the page was not freed after the rejected attempts"u8;
            return ok && freed;
        }
    }
}
