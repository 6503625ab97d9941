using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest storm --failures 1000</c>: a thousand real failures of three kinds come out as one line each and
/// a "repeated N times" line, not a thousand lines; memory is unchanged by them; ten thousand tags stay within the
/// table's bound with every emission counted; the 50-deep recursion comes back intact; every edge case has its outcome.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StressStormTests
{
    private const string Command = "stresstest storm --failures 1000";

    private readonly BootedKernel _kernel;

    public StressStormTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheStormIsReportedOnceAndEveryCaseHandled()
    {
        SessionResult session = await _kernel.RunAsync("mem", Command, "mem");

        JsonElement result = Assert.Single(StressSession.StressResults(session));
        Assert.Equal("storm", result.GetProperty("test").GetString());
        Assert.Equal("PASS", result.GetProperty("verdict").GetString());
        Assert.Equal(1000, StressSession.Counter(result, "ops"));
        Assert.Equal(0, StressSession.Counter(result, "failed"));
        foreach (string counter in new[] { "heap_growth_bytes", "pages_growth", "managed_growth_bytes" })
            Assert.Equal(0, StressSession.Counter(result, counter));
        Assert.Equal(64, StressSession.Counter(result, "tags_tracked"));
        Assert.Equal(10_000 - 64, StressSession.Counter(result, "tags_overflowed"));
        Assert.Equal(10_000, StressSession.Counter(result, "tags_counted"));
        Assert.Equal(50, StressSession.Counter(result, "recursion_depth"));
        Assert.Equal(1, StressSession.Counter(result, "edge_empty_ignored"));
        Assert.Equal(1_000_000, StressSession.Counter(result, "edge_million_steps_counted"));
        Assert.Equal(1, StressSession.Counter(result, "edge_invalid_utf8_rejected"));
        Assert.Equal(1, StressSession.Counter(result, "edge_clock_jump_flushes"));

        var lines = StressSession.OutputOf(session, Command);
        string[] storm = lines.Where(l => l.StartsWith("[STORM] ")).ToArray();
        Assert.Contains("[STORM] heap refused a 1 TiB block", storm);
        Assert.Contains(storm, l => l.StartsWith("[STORM] error: ") && !l.Contains("repeated"));
        Assert.Contains(storm, l => l.StartsWith("[STORM] heap refused a 1 TiB block (repeated "));
        Assert.InRange(storm.Length, 6, 12);
        Assert.Equal(StressSession.Counter(result, "report_lines"), storm.Count(l => !l.Contains("clock jumped")));
        Assert.Contains(lines, l => l.StartsWith("  invalid UTF-8 typed: error: "));
        Assert.Contains(lines, l => l.StartsWith("  Edge cases: empty line ignored, 1000000 steps in ") && l.EndsWith(" ms, invalid UTF-8 rejected, clock jump +1 h: 1 flush"));

        JsonElement[] mem = StressSession.Records(session, "mem");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
            Assert.Equal(mem[0].GetProperty(field).GetInt64(), mem[1].GetProperty(field).GetInt64());
    }
}
