using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Validation;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest mix</c> runs seed 000's 40/40/20 mix of heap operations, shell commands and garbage lines, each
/// timed; the shares follow the weights, no operation fails (every garbage line rejected), and the run passes
/// the shipped policies/mix.json (throughput over 100/s, p99 under 50 ms) as <c>./kstress validate</c> judges it.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressMixTests
{
    private const string Command = "stresstest mix --ops 5000 --weights memory:40,commands:40,noise:20 --seed 21";

    private readonly BootedKernel _kernel;

    public StressMixTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheMixPassesItsPolicy()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("mix", result.GetProperty("test").GetString());
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        Assert.Equal(5000, StressSession.Counter(result, "ops"));
        Assert.Equal(0, StressSession.Counter(result, "failed"));
        Assert.InRange(StressSession.Counter(result, "memory_ops"), 1800, 2200);
        Assert.InRange(StressSession.Counter(result, "command_ops"), 1800, 2200);
        Assert.InRange(StressSession.Counter(result, "noise_ops"), 800, 1200);
        JsonProperty primary = result.GetProperty("histograms").EnumerateObject().First();
        Assert.Equal("op_latency", primary.Name);
        Assert.Equal(5000, primary.Value.GetProperty("count").GetInt64());

        var outcomes = Validator.Validate(new[] { new LoadedRun("mix", session.Report) }, Policy.Load(RepoRoot.Resolve("policies/mix.json")));
        Assert.DoesNotContain(outcomes, o => o.Status == RuleStatus.Fail);
        Assert.Equal(RuleStatus.Pass, outcomes.Single(o => o.Rule.StartsWith("mix throughput")).Status);
        Assert.Equal(RuleStatus.Pass, outcomes.Single(o => o.Rule.StartsWith("mix p99 latency")).Status);

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
