// `stresstest chaos --sabotage KIND,...`, `recovery --sabotage restart`, `storm --sabotage dedup`,
// `concurrency --sabotage answers` (test-only):
// the catalog's kinds parse, in order, on chaos and its compare row; an unknown kind, a repeated one, another
// kind's value and the flag on a kind without one are rejected naming the token.
using Xunit;

namespace KernelStress.Shell.Tests;

public class SabotageGrammarTests
{
    private readonly Parsing _parse = new(ShellCommands.Catalog);

    [Fact]
    public void Kinds_parse_in_order()
    {
        string[] kinds = ShellCommands.StressSabotage.Choices;
        ParsedCommand parsed = _parse.Ok("stresstest chaos --sabotage disk_stall,memory_release --fail-rate 50");
        ulong[] given = parsed.GetList(ShellCommands.StressSabotage).ToArray();
        Assert.Equal(new[] { "disk_stall", "memory_release" }, new[] { kinds[given[0]], kinds[given[1]] });
        Assert.Equal((int)ShellCommandId.StresstestCompareChaos, _parse.Ok("stresstest compare chaos --sabotage hot_retrain").CommandId);
        Assert.True(_parse.Ok("stresstest recovery --sabotage restart").Has(ShellCommands.StressSabotageRestart));
        Assert.True(_parse.Ok("stresstest storm --sabotage dedup").Has(ShellCommands.StressSabotageDedup));
        Assert.True(_parse.Ok("stresstest concurrency --sabotage answers").Has(ShellCommands.StressSabotageAnswers));
    }

    [Theory]
    [InlineData("stresstest chaos --sabotage timer_storm", "timer_storm")]
    [InlineData("stresstest chaos --sabotage disk_stall,disk_stall", "disk_stall")]
    [InlineData("stresstest chaos --sabotage", "--sabotage")]
    [InlineData("stresstest multi --sabotage disk_stall", "--sabotage")]
    [InlineData("stresstest memory --sabotage disk_stall", "--sabotage")]
    [InlineData("stresstest recovery --sabotage dedup", "dedup")]
    [InlineData("stresstest storm --sabotage restart", "restart")]
    [InlineData("stresstest concurrency --sabotage dedup", "dedup")]
    public void Bad_values_are_rejected(string line, string named)
    {
        string error = _parse.Error(line);
        Assert.StartsWith("error: ", error);
        Assert.Contains(named, error);
    }
}
