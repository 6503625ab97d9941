using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest concurrency --clients 20</c>: twenty client threads against the one kernel service thread, every
/// client answered (seed 003's system served none of its 20), each answer checked, round trips in request_latency.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressConcurrencyTests
{
    private const string Command = "stresstest concurrency --clients 20 --duration 1000";

    private readonly BootedKernel _kernel;

    public StressConcurrencyTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TwentyClientsAreAllServed()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("concurrency", result.GetProperty("test").GetString());
        Assert.NotEqual("FAIL", result.GetProperty("verdict").GetString());
        long ops = StressSession.Counter(result, "ops");
        Assert.True(ops > 200, $"only {ops} requests in a second");
        Assert.True(StressSession.Counter(result, "fewest_answered_per_client") > 0);
        Assert.Equal(0, StressSession.Counter(result, "wrong_answers"));
        Assert.Equal(StressSession.Counter(result, "failed"),
            StressSession.Counter(result, "timed_out") + StressSession.Counter(result, "rejected"));

        JsonProperty primary = result.GetProperty("histograms").EnumerateObject().First();
        Assert.Equal("request_latency", primary.Name);
        Assert.Equal(ops - StressSession.Counter(result, "failed"), primary.Value.GetProperty("count").GetInt64());
        Assert.Contains(StressSession.OutputOf(session, Command), l => l.StartsWith("  Requests: "));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
