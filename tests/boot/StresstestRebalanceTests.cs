using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The autonomy controller's rebalancing across CPUs: during <c>stresstest commands</c> on two CPUs
/// the run queues drift apart, and with autonomy on the controller moves ready threads from the
/// busiest CPU to the idlest (each move judged a few ticks later by whether the load spread shrank);
/// with autonomy off nothing moves them but the scheduler's own stealing, and no rebalance is counted.
/// (Not <c>multi</c>: its chaos part includes the autonomy-flip event, which runs the controller
/// briefly even with autonomy off.)
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestRebalanceTests
{
    private const string Commands = "stresstest commands --duration 2000 --seed 7 --summary";

    private readonly BootedKernel _kernel;

    public StresstestRebalanceTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheControllerRebalancesOnlyWhenItRuns()
    {
        SessionResult session = await _kernel.RunWithCpusAsync(2, "autonomy off", Commands, "autonomy on", Commands);

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(new[] { false, true }, results.Select(r => r.GetProperty("autonomy").GetBoolean()));
        JsonElement off = results[0].GetProperty("autonomy_metrics");
        JsonElement on = results[1].GetProperty("autonomy_metrics");
        Assert.Equal(0, off.GetProperty("rebalances").GetInt64());
        long moves = on.GetProperty("rebalances").GetInt64();
        Assert.True(moves > 0, "the controller never rebalanced during a 2 s commands run on two CPUs");
        Assert.InRange(on.GetProperty("rebalances_succeeded").GetInt64(), 0, moves);
    }
}
