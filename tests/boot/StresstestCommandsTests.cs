using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest commands --rate N</c> sends commands through the real shell dispatcher at about N per
/// second: none of them prints an error, each one's latency is in the histogram, and the achieved rate
/// is the measured count over the measured duration.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestCommandsTests
{
    private const string Command = "stresstest commands --duration 1000 --rate 400 --noise 30 --seed 3";

    private readonly BootedKernel _kernel;

    public StresstestCommandsTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task CommandsFloodTheDispatcherAtTheRequestedRate()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("commands", result.GetProperty("test").GetString());
        long commands = StressSession.Counter(result, "commands");
        Assert.Equal(commands, StressSession.Counter(result, "ops"));
        Assert.Equal(0, StressSession.Counter(result, "command_errors"));
        Assert.Equal(0, StressSession.Counter(result, "failed"));
        Assert.InRange(commands, 100, 440);
        Assert.Equal(commands * 1000 / result.GetProperty("duration_ms").GetInt64(), StressSession.Counter(result, "achieved_rate_per_s"));
        JsonProperty primary = result.GetProperty("histograms").EnumerateObject().First();
        Assert.Equal("command_latency", primary.Name);
        Assert.Equal(commands, primary.Value.GetProperty("count").GetInt64());
        Assert.Contains(StressSession.OutputOf(session, Command), l => l.StartsWith("  Command Latency: p50="));
    }
}
