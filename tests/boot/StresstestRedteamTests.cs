using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest redteam</c>: every adversarial input to the shell grammar, the record encoder and the
/// allocator is rejected, random lines are parsed for the rest of the run, and the kernel's rejected-free
/// counters show the allocator attacks really reached the allocator.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestRedteamTests
{
    private readonly BootedKernel _kernel;

    public StresstestRedteamTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryAdversarialInputIsRejected()
    {
        SessionResult session = await _kernel.RunAsync("mem", "stresstest redteam --duration 400 --seed 8", "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        Assert.Equal(0, StressSession.Counter(result, "accepted"));
        Assert.Equal(StressSession.Counter(result, "ops"), StressSession.Counter(result, "rejected"));
        Assert.True(StressSession.Counter(result, "rejected") >= 20);
        Assert.True(StressSession.Counter(result, "fuzz_lines") > 100);
        // Every case timed itself: one reject_latency value per rejected input, none carried over.
        JsonElement latency = result.GetProperty("histograms").GetProperty("reject_latency");
        Assert.Equal(StressSession.Counter(result, "rejected"), latency.GetProperty("count").GetInt64());
        JsonElement[] mem = StressSession.Records(session, "mem");
        Assert.True(mem[1].GetProperty("double_frees").GetInt64() > mem[0].GetProperty("double_frees").GetInt64());
        Assert.True(mem[1].GetProperty("foreign_frees").GetInt64() > mem[0].GetProperty("foreign_frees").GetInt64());
        Assert.Equal(mem[0].GetProperty("heap_in_use_bytes").GetInt64(), mem[1].GetProperty("heap_in_use_bytes").GetInt64());
    }
}
