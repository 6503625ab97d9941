using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>ps</c> lists the kernel threads: right after boot the shell (thread 0, running, the one
/// typing the answer) and one idle thread per CPU (thread 1 on the boot CPU, then one for each CPU
/// the boot record counts), as human lines and as a <c>ps</c> record.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class PsListsShellAndIdleTests
{
    private readonly BootedKernel _kernel;

    public PsListsShellAndIdleTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task TheShellAndIdleThreadsAreListed()
    {
        SessionResult session = await _kernel.RunAsync("ps");
        List<string> lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s+0 shell\s+running\s+normal\s+\d+\s+\d+\s+\d+$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s+1 idle\s+(ready|running)\s+idle\s+0\s+\d+\s+\d+$"));

        int cpus = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "boot").GetProperty("cpus").GetInt32();
        JsonElement record = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "ps");
        JsonElement[] threads = record.GetProperty("threads").EnumerateArray().ToArray();
        Assert.Equal(new[] { "shell" }.Concat(Enumerable.Repeat("idle", cpus)), threads.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(Enumerable.Range(0, cpus + 1), threads.Select(t => t.GetProperty("id").GetInt32()));
        Assert.Equal(Enumerable.Range(0, cpus), threads.Skip(1).Select(t => t.GetProperty("cpu").GetInt32()));
        Assert.Equal("running", threads[0].GetProperty("state").GetString());
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }
}
