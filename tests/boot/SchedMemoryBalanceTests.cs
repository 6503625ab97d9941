using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The scheduler self-tests spawn and join dozens of threads, each with a stack and guard page from
/// the page allocator: afterwards the free pages and the kernel heap are where they were, and a
/// repeat run allocates no managed object.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SchedMemoryBalanceTests
{
    private readonly BootedKernel _kernel;

    public SchedMemoryBalanceTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task PagesAndHeapAreBalancedAfterTheSchedSuite()
    {
        SessionResult session = await _kernel.RunAsync("mem", "selftest sched", "selftest sched", "mem");
        JsonElement[] mems = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "mem").ToArray();
        Assert.Equal(2, mems.Length);
        foreach (string field in new[] { "pages_free", "heap_in_use_bytes", "heap_held_bytes" })
        {
            Assert.True(mems[0].GetProperty(field).GetInt64() == mems[1].GetProperty(field).GetInt64(),
                $"{field} went from {mems[0].GetProperty(field)} to {mems[1].GetProperty(field)}");
        }
        JsonElement repeat = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "selftest").Last();
        Assert.Equal("PASS", repeat.GetProperty("verdict").GetString());
        Assert.Equal(0, repeat.GetProperty("managed_allocations").GetInt64());
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }
}
