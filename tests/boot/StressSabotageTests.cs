using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The negative controls of the recovery, storm and concurrency verdicts, in one boot: <c>stresstest recovery
/// --sabotage restart</c> (the supervisor does not restart the killed service), <c>stresstest storm --sabotage
/// dedup</c> (the reporter prints every repeat) and <c>stresstest concurrency --sabotage answers</c> (the service
/// never answers client 0) each FAIL with the check that caught it, and the same runs without the switch do not
/// fail afterwards (the switch does not outlive its run).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressSabotageTests
{
    private readonly BootedKernel _kernel;

    public StressSabotageTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task SabotagedRecoveryStormAndConcurrencyFail()
    {
        SessionResult session = await _kernel.RunAsync(
            "stresstest recovery --kills 3 --sabotage restart --summary",
            "stresstest storm --failures 200 --sabotage dedup --summary",
            "stresstest concurrency --clients 4 --duration 1000 --sabotage answers --summary",
            "stresstest recovery --kills 3 --summary",
            "stresstest storm --failures 200 --summary",
            "stresstest concurrency --clients 4 --duration 1000 --summary");

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(6, results.Length);
        Assert.Equal("FAIL", results[0].GetProperty("verdict").GetString());
        Assert.Equal("the supervisor did not restart the service within 1 s", results[0].GetProperty("reason").GetString());
        Assert.Equal(0, StressSession.Counter(results[0], "recovered"));
        Assert.Equal("FAIL", results[1].GetProperty("verdict").GetString());
        Assert.Equal("the storm's reporting was not deduplicated and throttled", results[1].GetProperty("reason").GetString());
        Assert.Equal("FAIL", results[2].GetProperty("verdict").GetString());
        Assert.EndsWith(": a client got no answer", results[2].GetProperty("reason").GetString());
        Assert.Equal(0, StressSession.Counter(results[2], "fewest_answered_per_client"));
        Assert.NotEqual("FAIL", results[3].GetProperty("verdict").GetString());
        Assert.Equal(3, StressSession.Counter(results[3], "recovered"));
        Assert.Equal("PASS", results[4].GetProperty("verdict").GetString());
        Assert.NotEqual("FAIL", results[5].GetProperty("verdict").GetString());
        Assert.True(StressSession.Counter(results[5], "fewest_answered_per_client") > 0);
    }
}
