using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest compare chaos</c>: the autonomy-off half is a clean baseline. Its autonomy_flip events
/// run (the chaos stream draws them in both halves) but never start the controller, so every autonomy
/// counter of the off run is 0; and both halves draw the same event sequence (number, type, parameter).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestCompareCleanBaselineTests
{
    private const string Command = "stresstest compare chaos --duration 1500 --seed 9 --fail-rate 30 --verbose";

    private readonly BootedKernel _kernel;

    public StresstestCompareCleanBaselineTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task OffRunNeverRunsTheControllerAndDrawsTheSameEvents()
    {
        SessionResult session = await _kernel.RunAsync(Command);

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(2, results.Length);
        JsonElement off = results[0];
        Assert.False(off.GetProperty("autonomy").GetBoolean());
        Assert.True(StressSession.Counter(off, "events_autonomy_flip") > 0, "no autonomy_flip was drawn: pick a longer run");
        Assert.All(off.GetProperty("autonomy_metrics").EnumerateObject(), counter => Assert.Equal(0, counter.Value.GetInt64()));
        Assert.True(results[1].GetProperty("autonomy_metrics").GetProperty("pressure_predictions").GetInt64() > 0);

        var lines = StressSession.OutputOf(session, Command);
        int firstStatus = lines.FindIndex(l => l.StartsWith("Status: "));
        Assert.True(firstStatus > 0, string.Join("\n", lines));
        string[] offEvents = Draws(lines.Take(firstStatus));
        string[] onEvents = Draws(lines.Skip(firstStatus + 1));
        int common = System.Math.Min(offEvents.Length, onEvents.Length);
        Assert.True(common > 20, $"only {common} events in the shorter half");
        Assert.Equal(offEvents.Take(common), onEvents.Take(common));
    }

    // "[CHAOS] #12 memory_spike p=57 fault=..." → "#12 memory_spike p=57": the drawn event and parameter.
    private static string[] Draws(System.Collections.Generic.IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("[CHAOS] #")).Select(l => string.Join(' ', l.Split(' ').Skip(1).Take(3))).ToArray();
}
