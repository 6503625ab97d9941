using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The negative control of the learning verdict: with <c>--inject-no-learning</c> (test-only) the learner's
/// updates are dropped, so its table never leaves the initial values and the "learned" policy is no
/// policy at all. On the same 8 held-out seeds, where a real learner can reach significance, it does not
/// beat both controls, and the run is not PASS.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestLearningFrozenTests
{
    private const string Command = "stresstest learning --duration 1500 --episodes 6 --seed 4 --eval-seeds 8 --inject-no-learning --summary";

    private readonly BootedKernel _kernel;

    public StresstestLearningFrozenTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task AnUntrainedPolicyDoesNotPass()
    {
        // Training plus 32 evaluation episodes: past the profile's per-command timeout on a loaded machine.
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { CommandTimeout = System.TimeSpan.FromSeconds(180) }, Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal(0, result.GetProperty("autonomy_metrics").GetProperty("policy_updates").GetInt64());
        Assert.Equal("PARTIAL", result.GetProperty("verdict").GetString());
        Assert.Contains("does not beat", result.GetProperty("reason").GetString());
    }
}
