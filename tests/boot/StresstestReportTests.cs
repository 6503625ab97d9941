using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>stresstest report</c> lists the runs since boot as a table; with --json also a report record
/// whose rows match the runs' result records, oldest first. Before any run it says there is none.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestReportTests
{
    private readonly BootedKernel _kernel;

    public StresstestReportTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ReportListsTheRunsSinceBoot()
    {
        SessionResult session = await _kernel.RunAsync("stresstest report",
            "stresstest memory --duration 300 --seed 1 --summary", "stresstest redteam --duration 200 --seed 2 --summary",
            "stresstest report --json");

        Assert.Contains(StressSession.OutputOf(session, "stresstest report"), l => l.Contains("no stress test has run"));
        JsonElement[] results = StressSession.StressResults(session);
        JsonElement report = Assert.Single(StressSession.Records(session, "report"));
        JsonElement[] rows = report.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(results[i].GetProperty("test").GetString(), rows[i].GetProperty("test").GetString());
            Assert.Equal(results[i].GetProperty("seed").GetUInt64(), rows[i].GetProperty("seed").GetUInt64());
            Assert.Equal(results[i].GetProperty("verdict").GetString(), rows[i].GetProperty("verdict").GetString());
            Assert.Equal(StressSession.Counter(results[i], "ops"), rows[i].GetProperty("ops").GetInt64());
        }
        var table = StressSession.OutputOf(session, "stresstest report --json");
        Assert.StartsWith("1  memory", table[1]);
        Assert.StartsWith("2  redteam", table[2]);
    }
}
