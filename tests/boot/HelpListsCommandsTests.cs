using System.Collections.Generic;
using System.Linq;
using KernelStress.Shell;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>help</c> prints one line per command of the portable catalog the kernel was built with, in
/// catalog order, each with its one-line summary.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class HelpListsCommandsTests
{
    private readonly BootedKernel _kernel;

    public HelpListsCommandsTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    public static IEnumerable<object[]> CatalogCommands()
    {
        for (int i = 0; i < ShellCommands.Catalog.Count; i++)
        {
            yield return new object[] { ShellCommands.Catalog[i].Name, ShellCommands.Catalog[i].Summary };
        }
    }

    [Theory]
    [MemberData(nameof(CatalogCommands))]
    public void HelpListsTheCommandWithItsSummary(string command, string summary)
    {
        IReadOnlyList<string> help = _kernel.OutputOf("help");
        Assert.True(
            help.Any(line => line.TrimStart().Split(' ')[0] == command && line.EndsWith(summary)),
            $"'{command}' with its summary is not on any help line:\n{string.Join("\n", help)}");
    }

    [Fact]
    public void HelpHasOneLinePerCommandAfterItsHeading()
    {
        Assert.Empty(_kernel.Session.Report.Commands.Single(c => c.Command == "help").Errors);
        Assert.Equal(ShellCommands.Catalog.Count + 1, _kernel.OutputOf("help").Count);
    }
}
