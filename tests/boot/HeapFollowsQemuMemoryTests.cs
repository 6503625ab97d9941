using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The page allocator takes its RAM from the boot memory map, so QEMU's <c>-m</c> decides how much
/// there is: with 512 MiB instead of 128 MiB there are 384 MiB more pages, and the kernel heap, which
/// grows with what the page allocator has, can hand out about 384 MiB more before it is exhausted
/// (the peak of <c>selftest heap</c>'s exhaustion case).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class HeapFollowsQemuMemoryTests
{
    private const int SmallMb = 128;
    private const int LargeMb = 512;

    private readonly BootedKernel _kernel;

    public HeapFollowsQemuMemoryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task FourTimesTheRamGivesTheHeapTheDifference()
    {
        JsonElement small = await MemAfterExhaustion(SmallMb);
        JsonElement large = await MemAfterExhaustion(LargeMb);

        foreach ((JsonElement mem, int mb) in new[] { (small, SmallMb), (large, LargeMb) })
        {
            Assert.InRange(mem.GetProperty("usable_bytes").GetInt64(), (long)(mb - 4) << 20, (long)mb << 20);
        }
        const long DifferenceBytes = (long)(LargeMb - SmallMb) << 20;
        long pages = large.GetProperty("pages_total").GetInt64() - small.GetProperty("pages_total").GetInt64();
        Assert.InRange(pages * 4096, DifferenceBytes * 99 / 100, DifferenceBytes);
        long heapPeak = large.GetProperty("heap_peak_bytes").GetInt64() - small.GetProperty("heap_peak_bytes").GetInt64();
        Assert.InRange(heapPeak, DifferenceBytes * 98 / 100, DifferenceBytes);
    }

    private async Task<JsonElement> MemAfterExhaustion(int memoryMb)
    {
        SessionResult session = await _kernel.RunWithMemoryAsync(memoryMb, "selftest heap", "mem");
        JsonElement selftest = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "selftest");
        Assert.Equal("PASS", selftest.GetProperty("verdict").GetString());
        return session.Report.Records.Single(r => r.GetProperty("type").GetString() == "mem");
    }
}
