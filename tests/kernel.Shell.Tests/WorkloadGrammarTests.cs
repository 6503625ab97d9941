// The catalog rows of the stresstest kinds with flags of their own (ramp, leak, scale, concurrency, recovery, mix, storm): each parses
// with its own flags, the list flags give their elements in order, and flags another kind owns, values out of
// range and unknown words are rejected naming the token.
using Xunit;

namespace KernelStress.Shell.Tests;

public class WorkloadGrammarTests
{
    private readonly Parsing _parse = new(ShellCommands.Catalog);

    [Theory]
    [InlineData("stresstest ramp --levels 5,10,25,50 --level-duration 2000 --summary", ShellCommandId.StresstestRamp)]
    [InlineData("stresstest ramp --inject-loss", ShellCommandId.StresstestRamp)]
    [InlineData("stresstest leak --cycles 50 --seed 3 --verbose", ShellCommandId.StresstestLeak)]
    [InlineData("stresstest leak --cycles 5 --inject-leak", ShellCommandId.StresstestLeak)]
    [InlineData("stresstest scale --threads 1,2,4,8,16 --components alloc,hist,prng,sched,shell --duration 5000", ShellCommandId.StresstestScale)]
    [InlineData("stresstest concurrency --clients 20 --duration 1000", ShellCommandId.StresstestConcurrency)]
    [InlineData("stresstest recovery --kills 10", ShellCommandId.StresstestRecovery)]
    [InlineData("stresstest mix --ops 10000 --weights memory:40,commands:40,noise:20 --seed 7", ShellCommandId.StresstestMix)]
    [InlineData("stresstest storm --failures 1000", ShellCommandId.StresstestStorm)]
    public void Each_kind_parses_with_its_flags(string line, ShellCommandId id) =>
        Assert.Equal((int)id, _parse.Ok(line).CommandId);

    [Fact]
    public void List_flags_keep_their_order()
    {
        Assert.Equal(new ulong[] { 50, 5, 25 }, _parse.Ok("stresstest ramp --levels 50,5,25").GetList(ShellCommands.StressLevels).ToArray());
        Assert.Equal(new ulong[] { 4, 0 }, _parse.Ok("stresstest scale --components shell,alloc").GetList(ShellCommands.StressComponents).ToArray());
        Assert.True(_parse.Ok("stresstest mix --weights noise:5").TryGetKeyValue(ShellCommands.StressWeights, "noise", out ulong noise));
        Assert.Equal(5UL, noise);
    }

    [Theory]
    [InlineData("stresstest ramp --levels 0,5", "--levels")]
    [InlineData("stresstest ramp --level-duration 99", "--level-duration")]
    [InlineData("stresstest ramp --duration 1000", "--duration")]
    [InlineData("stresstest leak --cycles 65", "--cycles")]
    [InlineData("stresstest leak --inject-loss", "--inject-loss")]
    [InlineData("stresstest scale --threads 1,2,4,8,16,32", "--threads")]
    [InlineData("stresstest scale --threads 1,2,3,4,5,6,7", "--threads")]
    [InlineData("stresstest scale --components alloc,disk", "disk")]
    [InlineData("stresstest concurrency --clients 33", "--clients")]
    [InlineData("stresstest recovery --duration 1000", "--duration")]
    [InlineData("stresstest mix --weights memory:40,cpu:10", "cpu")]
    [InlineData("stresstest mix --weights memory:101", "--weights")]
    [InlineData("stresstest storm --failures 0", "--failures")]
    [InlineData("stresstest memory --inject-leak", "--inject-leak")]
    public void Out_of_range_and_misplaced_flags_are_rejected(string line, string named)
    {
        string error = _parse.Error(line);
        Assert.StartsWith("error: ", error);
        Assert.Contains(named, error);
    }
}
