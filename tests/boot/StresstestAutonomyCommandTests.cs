using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>autonomy on|off|status</c> decides whether the next runs have the controller (the result's
/// autonomy field follows), status shows it with the counters, and --summary prints only the completed
/// line and the status.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestAutonomyCommandTests
{
    private const string Run = "stresstest memory --duration 500 --seed 2 --summary";

    private readonly BootedKernel _kernel;

    public StresstestAutonomyCommandTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AutonomyFollowsTheSwitch()
    {
        SessionResult session = await _kernel.RunAsync("autonomy status", "autonomy on", Run, "autonomy status", "autonomy off", Run);

        Assert.Equal("autonomy: off", StressSession.OutputOf(session, "autonomy status").First());
        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(new[] { true, false }, results.Select(r => r.GetProperty("autonomy").GetBoolean()));
        Assert.All(results, r => Assert.Equal(2UL, r.GetProperty("seed").GetUInt64()));
        var lines = StressSession.OutputOf(session, Run);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("[STRESSTEST] Memory completed: ", lines[0]);
        Assert.StartsWith("Status: ", lines[1]);
    }
}
