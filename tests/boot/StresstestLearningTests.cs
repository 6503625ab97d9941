using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest learning --episodes N</c>: the Q-learner drives the controller (autonomy true), one
/// reward line per episode, policy updates and exploration/exploitation counted, and the verdict says
/// whether the last quartile's mean reward beat the first's, as the counters show.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestLearningTests
{
    private const string Command = "stresstest learning --duration 1500 --episodes 6 --seed 4 --verbose";

    private readonly BootedKernel _kernel;

    public StresstestLearningTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task LearnerReportsRewardPerEpisode()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.True(result.GetProperty("autonomy").GetBoolean());
        Assert.Equal(6, StressSession.Counter(result, "episodes"));
        Assert.Equal(6, StressSession.OutputOf(session, Command).Count(l => l.StartsWith("[LEARNING] episode ")));
        JsonElement metrics = result.GetProperty("autonomy_metrics");
        Assert.True(metrics.GetProperty("policy_updates").GetInt64() > 100);
        Assert.True(metrics.GetProperty("exploration_actions").GetInt64() > 0);
        Assert.True(metrics.GetProperty("exploitation_actions").GetInt64() > 0);
        bool improved = StressSession.Counter(result, "last_quartile_reward") > StressSession.Counter(result, "first_quartile_reward");
        Assert.Equal(improved ? "PASS" : "PARTIAL", result.GetProperty("verdict").GetString());
    }
}
