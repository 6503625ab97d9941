using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A thread that burns the CPU without ever yielding (<c>spin 2000</c>) does not starve the shell:
/// the tick preempts it, so <c>version</c> typed right after answers within a second, while the
/// spinner still runs, and <c>ps</c> shows it.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class ShellAnswersWhileSpinningTests
{
    private readonly BootedKernel _kernel;

    public ShellAnswersWhileSpinningTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task VersionAnswersWithinASecondWhileASpinnerRuns()
    {
        SessionResult session = await _kernel.RunAsync("spin 2000", "version", "ps");
        List<string> lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();
        Assert.Contains(lines, l => l.StartsWith("spin: thread ") && l.EndsWith(" spins for 2000 ms without yielding"));
        Assert.Contains(lines, l => l.StartsWith("KernelStress ") && l.EndsWith($"({_kernel.Arch})"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+ spin\s+(ready|running)\s+normal"));

        CommandOutcome version = session.Report.Commands.Single(c => c.Command == "version");
        Assert.True(version.DurationMs is long ms && ms < 1000, $"version took {version.DurationMs} ms while the spinner ran");
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }
}
