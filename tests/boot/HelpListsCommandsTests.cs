using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary><c>help</c> prints one line per command, and the foundation commands are there.</summary>
[Collection(BootCollection.Name)]
public sealed class HelpListsCommandsTests
{
    private readonly BootedKernel _kernel;

    public HelpListsCommandsTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Theory]
    [InlineData("help")]
    [InlineData("version")]
    [InlineData("echo")]
    [InlineData("poweroff")]
    public void HelpListsTheCommand(string command)
    {
        IReadOnlyList<string> help = _kernel.OutputOf("help");
        Assert.True(
            help.Any(line => line.TrimStart().Split(' ')[0] == command),
            $"'{command}' is not at the start of any help line:\n{string.Join("\n", help)}");
    }

    [Fact]
    public void HelpAnswersWithoutErrors()
    {
        Assert.Empty(_kernel.Session.Report.Commands.Single(c => c.Command == "help").Errors);
        Assert.True(_kernel.OutputOf("help").Count >= 4);
    }
}
