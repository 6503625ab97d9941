using System;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The same seed replays the same chaos event sequence (type, parameter, fault) in another session;
/// another seed gives another one. Runs end on the clock, so the number of events may differ: the
/// common prefix is compared, and it must be long enough to mean something.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestSeedReplayTests
{
    private const string First = "stresstest chaos --seed 42 --fail-rate 30 --duration 700 --verbose";
    private const string Other = "stresstest chaos --seed 43 --fail-rate 30 --duration 700 --verbose";

    private readonly BootedKernel _kernel;

    public StresstestSeedReplayTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task SameSeedSameSequenceOtherSeedOtherSequence()
    {
        SessionResult one = await _kernel.RunAsync(First, Other);
        SessionResult two = await _kernel.RunAsync(First);

        var a = StressSession.ChaosSequence(StressSession.OutputOf(one, First));
        var b = StressSession.ChaosSequence(StressSession.OutputOf(two, First));
        var c = StressSession.ChaosSequence(StressSession.OutputOf(one, Other));
        int common = Math.Min(a.Count, b.Count);
        Assert.True(common >= 10, $"only {common} events to compare");
        Assert.Equal(a.Take(common), b.Take(common));
        int other = Math.Min(common, c.Count);
        Assert.NotEqual(a.Take(other), c.Take(other));
    }
}
