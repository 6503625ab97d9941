using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The negative control of the memory verdict: with <c>--inject-no-recovery</c> (test-only) an OOM's
/// recovery frees nothing, so every OOM event is unrecovered, counted in failed, and the run FAILs
/// saying so.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestMemoryNoRecoveryTests
{
    private const string Command = "stresstest memory --duration 1000 --seed 5 --target-pressure 70 --oom-probability 60 --inject-no-recovery";

    private readonly BootedKernel _kernel;

    public StresstestMemoryNoRecoveryTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task UnrecoveredOomsFailTheRun()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        long ooms = StressSession.Counter(result, "oom_events");
        Assert.True(ooms > 0);
        Assert.Equal(ooms, StressSession.Counter(result, "failed"));
        Assert.False(result.GetProperty("counters").TryGetProperty("oom_recoveries", out _), "an OOM was recovered");
        Assert.Equal("FAIL", result.GetProperty("verdict").GetString());
        Assert.Contains("whose recovery freed nothing", result.GetProperty("reason").GetString());
    }
}
