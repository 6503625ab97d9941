using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest learning --episodes N</c>: the Q-learner drives the controller (autonomy true), one
/// reward line per training episode, policy updates and exploration/exploitation counted; then the
/// evaluation on held-out seeds of four policies (learned, controller, random, none), each with its mean
/// reward, OOM events and ops. The verdict is PASS exactly when the record says the learned policy beat
/// random and none (sign test), and the reason says where it stands against the controller.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestLearningTests
{
    private const string Command = "stresstest learning --duration 3000 --episodes 6 --seed 4 --verbose";

    private readonly BootedKernel _kernel;

    public StresstestLearningTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task LearnerIsEvaluatedAgainstControls()
    {
        // Training plus 32 evaluation episodes: past the profile's per-command timeout on a loaded machine.
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { CommandTimeout = System.TimeSpan.FromSeconds(180) }, Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.True(result.GetProperty("autonomy").GetBoolean());
        Assert.Equal(6, StressSession.Counter(result, "episodes"));
        Assert.Equal(6, StressSession.OutputOf(session, Command).Count(l => l.StartsWith("[LEARNING] episode ")));
        JsonElement metrics = result.GetProperty("autonomy_metrics");
        Assert.True(metrics.GetProperty("policy_updates").GetInt64() > 100);
        Assert.True(metrics.GetProperty("exploration_actions").GetInt64() > 0);
        Assert.True(metrics.GetProperty("exploitation_actions").GetInt64() > 0);

        JsonElement evaluation = result.GetProperty("evaluation");
        Assert.Equal(8, evaluation.GetProperty("seeds").GetInt32());
        foreach (string policy in new[] { "learned", "controller", "random", "none" })
        {
            JsonElement figures = evaluation.GetProperty(policy);
            Assert.True(figures.GetProperty("ops").GetInt64() > 1000, policy);
            Assert.True(figures.GetProperty("oom_events").GetInt64() >= 0, policy);
            Assert.True(figures.TryGetProperty("mean_reward", out _), policy);
        }
        JsonElement against = evaluation.GetProperty("learned_vs");
        bool beatsControls = against.GetProperty("random").GetProperty("beaten").GetBoolean()
            && against.GetProperty("none").GetProperty("beaten").GetBoolean();
        Assert.Equal(beatsControls ? "PASS" : "PARTIAL", result.GetProperty("verdict").GetString());
        Assert.Contains("controller (", result.GetProperty("reason").GetString());
    }
}
