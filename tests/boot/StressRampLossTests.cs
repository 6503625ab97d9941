using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The ramp's data-loss check finds a real loss: with the test-only <c>--inject-loss</c> the consumers drop
/// every 97th item, and the run must FAIL naming exactly that many lost items, per level and in total.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressRampLossTests
{
    private const string Command = "stresstest ramp --levels 300,600 --level-duration 500 --inject-loss";

    private readonly BootedKernel _kernel;

    public StressRampLossTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task DroppedItemsFailTheRun()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("FAIL", result.GetProperty("verdict").GetString());
        Assert.StartsWith("data integrity: ", result.GetProperty("reason").GetString());

        long injected = StressSession.Counter(result, "injected");
        long lost = StressSession.Counter(result, "lost");
        Assert.Equal(injected / 97, lost);
        Assert.Equal(injected - lost, StressSession.Counter(result, "ops"));
        Assert.Equal(lost, StressSession.Counter(result, "failed"));
        Assert.Equal(lost, result.GetProperty("phases").EnumerateArray().Sum(p => p.GetProperty("counters").GetProperty("lost").GetInt64()));
    }
}
