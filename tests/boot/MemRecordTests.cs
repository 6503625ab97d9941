using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>mem</c> emits a <c>mem</c> record whose figures agree with each other and with the boot record
/// (free + used = total pages; the usable RAM is the boot record's memory_bytes and the pages'
/// bytes), and <c>selftest heap</c> — which allocates every page and frees them again — leaves the
/// heap's in-use and held bytes and the free pages where they were, while the peaks and the
/// detection counters show what it did.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class MemRecordTests
{
    private static readonly string[] Fields =
    {
        "ram_bytes", "usable_bytes", "regions", "page_size", "pages_total", "pages_free", "pages_used", "pages_boot",
        "pages_peak", "page_failed_allocations", "page_double_frees", "page_foreign_frees", "heap_held_bytes",
        "heap_in_use_bytes", "heap_free_bytes", "heap_peak_bytes", "heap_largest_free_bytes", "heap_fragmentation_pct",
        "heap_arenas", "heap_large_live", "heap_large_allocations", "size_classes", "failed_allocations", "double_frees",
        "foreign_frees", "bad_headers", "corruptions_detected", "managed_allocations", "managed_bytes",
        "managed_capacity_bytes",
    };

    private readonly BootedKernel _kernel;

    public MemRecordTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheFiguresAddUpAndTheHeapReturnsToItsBaselineAfterSelftestHeap()
    {
        SessionResult session = await _kernel.RunAsync("mem", "selftest heap", "mem");
        JsonElement boot = session.Report.Records.First(r => r.GetProperty("type").GetString() == "boot");
        JsonElement[] mems = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "mem").ToArray();
        Assert.Equal(2, mems.Length);

        foreach (JsonElement mem in mems)
        {
            foreach (string field in Fields)
            {
                Assert.True(mem.TryGetProperty(field, out _), $"mem record has no '{field}': {mem}");
            }
            Assert.Equal(Long(mem, "pages_total"), Long(mem, "pages_free") + Long(mem, "pages_used"));
            Assert.Equal(Long(mem, "usable_bytes"), Long(mem, "pages_total") * Long(mem, "page_size"));
            Assert.Equal(boot.GetProperty("memory_bytes").GetInt64(), Long(mem, "usable_bytes"));
            Assert.True(Long(mem, "ram_bytes") >= Long(mem, "usable_bytes"));
            Assert.True(Long(mem, "pages_boot") <= Long(mem, "pages_used"));
            Assert.Equal(
                Long(mem, "double_frees") + Long(mem, "foreign_frees") + Long(mem, "bad_headers"),
                Long(mem, "corruptions_detected"));
            Assert.Equal(new long[] { 16, 32, 64, 128, 256, 512, 1024, 2048 },
                mem.GetProperty("size_classes").EnumerateArray().Select(c => c.GetProperty("size").GetInt64()));
            Assert.All(mem.GetProperty("size_classes").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("live").GetInt64()));
        }

        JsonElement before = mems[0];
        JsonElement after = mems[1];
        Assert.Equal(Long(before, "heap_in_use_bytes"), Long(after, "heap_in_use_bytes"));
        Assert.Equal(Long(before, "heap_held_bytes"), Long(after, "heap_held_bytes"));
        Assert.Equal(Long(before, "pages_free"), Long(after, "pages_free"));
        Assert.Equal(0, Long(after, "heap_large_live"));
        // The exhaustion case took every page, and its failures and the detection cases were counted.
        Assert.Equal(Long(after, "pages_total"), Long(after, "pages_peak"));
        Assert.True(Long(after, "heap_peak_bytes") > Long(before, "heap_peak_bytes"));
        Assert.True(Long(after, "failed_allocations") > Long(before, "failed_allocations"));
        Assert.True(Long(after, "double_frees") > Long(before, "double_frees"));
        Assert.True(Long(after, "foreign_frees") > Long(before, "foreign_frees"));
        Assert.True(Long(after, "bad_headers") > Long(before, "bad_headers"));
        Assert.True(Long(after, "page_double_frees") > Long(before, "page_double_frees"));
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }

    private static long Long(JsonElement record, string field) => record.GetProperty(field).GetInt64();
}
