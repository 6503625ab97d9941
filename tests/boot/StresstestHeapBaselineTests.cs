using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Every stresstest command leaves the kernel heap and the free pages where it found them (a mem record
/// after each), and once each kind has run once, running them all again allocates no managed object.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestHeapBaselineTests
{
    private static readonly string[] Kinds =
    {
        "stresstest memory --duration 300 --summary", "stresstest commands --duration 300 --summary",
        "stresstest chaos --duration 400 --fail-rate 50 --summary", "stresstest multi --duration 400 --summary",
        "stresstest learning --duration 400 --episodes 4 --summary", "stresstest redteam --duration 200 --summary",
        "stresstest compare chaos --duration 300 --summary", "stresstest report", "autonomy status",
    };

    private readonly BootedKernel _kernel;

    public StresstestHeapBaselineTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryCommandLeavesTheHeapAtItsBaseline()
    {
        var commands = new List<string> { "mem" };
        foreach (string kind in Kinds.Concat(Kinds))
        {
            commands.Add(kind);
            commands.Add("mem");
        }
        SessionResult session = await _kernel.RunAsync(commands.ToArray());

        Assert.Null(session.Report.Error);
        JsonElement[] mem = StressSession.Records(session, "mem");
        Assert.Equal(Kinds.Length * 2 + 1, mem.Length);
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.All(mem, m => Assert.Equal(mem[0].GetProperty(field).GetInt64(), m.GetProperty(field).GetInt64()));
        JsonElement warm = mem[Kinds.Length];
        foreach (string field in new[] { "managed_allocations", "managed_bytes" })
            Assert.Equal(warm.GetProperty(field).GetInt64(), mem[^1].GetProperty(field).GetInt64());
    }
}
