using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A run lasts what --duration asks within 5% (duration_ms is measured on the kernel's clock), and a
/// run over two seconds emits a progress record about once a second, with elapsed time growing.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestDurationTests
{
    private readonly BootedKernel _kernel;

    public StresstestDurationTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task DurationIsHonouredAndLongRunsReportProgress()
    {
        SessionResult session = await _kernel.RunAsync(
            "stresstest memory --duration 800 --summary", "stresstest commands --duration 3200 --rate 300 --summary");

        JsonElement[] results = StressSession.StressResults(session);
        Assert.Equal(2, results.Length);
        Assert.InRange(results[0].GetProperty("duration_ms").GetInt64(), 800, 840);
        Assert.InRange(results[1].GetProperty("duration_ms").GetInt64(), 3200, 3360);

        long resultSeq0 = results[0].GetProperty("seq").GetInt64();
        long resultSeq1 = results[1].GetProperty("seq").GetInt64();
        JsonElement[] progress = StressSession.Records(session, "progress");
        Assert.DoesNotContain(progress, p => p.GetProperty("seq").GetInt64() < resultSeq0);
        long[] elapsed = progress.Where(p => p.GetProperty("seq").GetInt64() < resultSeq1)
            .Select(p => p.GetProperty("elapsed_ms").GetInt64()).ToArray();
        Assert.InRange(elapsed.Length, 2, 4);
        Assert.Equal(elapsed.OrderBy(e => e), elapsed);
        Assert.All(progress, p => Assert.Equal("commands", p.GetProperty("test").GetString()));
        Assert.All(progress, p => Assert.Equal(3200, p.GetProperty("duration_ms").GetInt64()));
    }
}
