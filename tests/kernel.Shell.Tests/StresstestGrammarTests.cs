// The stresstest and autonomy rows of the kernel's catalog: every kind with its own flags, the
// --failure-rate alias, compare's kinds taking their kind's flags, and no flag accepted where it
// would be ignored (report takes only --json).
using Xunit;

namespace KernelStress.Shell.Tests;

public class StresstestGrammarTests
{
    private readonly Parsing _parse = new(ShellCommands.Catalog);

    [Theory]
    [InlineData("stresstest memory --duration 1000 --seed 5 --target-pressure 70 --oom-probability 60 --noise 20 --verbose", ShellCommandId.StresstestMemory)]
    [InlineData("stresstest commands --rate 500 --summary", ShellCommandId.StresstestCommands)]
    [InlineData("stresstest multi --target-pressure 50 --rate 100 --fail-rate 10 --expect-failures", ShellCommandId.StresstestMulti)]
    [InlineData("stresstest learning --episodes 8 --duration 2000", ShellCommandId.StresstestLearning)]
    [InlineData("stresstest redteam --duration 300 --seed 1", ShellCommandId.StresstestRedteam)]
    [InlineData("stresstest chaos --fail-rate 20 --expect-failures", ShellCommandId.StresstestChaos)]
    [InlineData("stresstest compare memory --target-pressure 90", ShellCommandId.StresstestCompareMemory)]
    [InlineData("stresstest compare commands --rate 10", ShellCommandId.StresstestCompareCommands)]
    [InlineData("stresstest compare multi", ShellCommandId.StresstestCompareMulti)]
    [InlineData("stresstest compare chaos --fail-rate 30", ShellCommandId.StresstestCompareChaos)]
    [InlineData("stresstest report --json", ShellCommandId.StresstestReport)]
    [InlineData("autonomy on", ShellCommandId.AutonomyOn)]
    [InlineData("autonomy off", ShellCommandId.AutonomyOff)]
    [InlineData("autonomy status", ShellCommandId.AutonomyStatus)]
    public void Each_kind_parses_with_its_flags(string line, ShellCommandId id) =>
        Assert.Equal((int)id, _parse.Ok(line).CommandId);

    [Fact]
    public void Failure_rate_is_an_alias_of_fail_rate()
    {
        Assert.True(_parse.Ok("stresstest chaos --failure-rate 35").TryGetUnsigned(ShellCommands.StressFailRate, out ulong rate));
        Assert.Equal(35UL, rate);
    }

    [Theory]
    [InlineData("stresstest chaos --fail-rate 101", "--fail-rate")]
    [InlineData("stresstest memory --target-pressure 9", "--target-pressure")]
    [InlineData("stresstest commands --rate 0", "--rate")]
    [InlineData("stresstest learning --episodes 3", "--episodes")]
    [InlineData("stresstest memory --duration 99", "--duration")]
    [InlineData("stresstest memory --fail-rate 10", "--fail-rate")]
    [InlineData("stresstest report --duration 1000", "--duration")]
    [InlineData("stresstest report --verbose", "--verbose")]
    [InlineData("stresstest redteam --noise 5", "--noise")]
    [InlineData("stresstest compare", "compare")]
    [InlineData("stresstest", "stresstest")]
    [InlineData("autonomy", "autonomy")]
    public void Out_of_range_and_misplaced_flags_are_rejected(string line, string named)
    {
        string error = _parse.Error(line);
        Assert.StartsWith("error: ", error);
        Assert.Contains(named, error);
    }
}
