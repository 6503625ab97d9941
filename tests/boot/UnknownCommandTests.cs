using System.Linq;
using KernelStress.Tool.Reports;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>An unknown command gets one <c>error:</c> line naming it, and the shell keeps answering.</summary>
[Collection(BootCollection.Name)]
public sealed class UnknownCommandTests
{
    private readonly BootedKernel _kernel;

    public UnknownCommandTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public void UnknownCommandGetsAnErrorLineNamingIt()
    {
        CommandOutcome frob = _kernel.Session.Report.Commands.Single(c => c.Command == "frob");
        string error = Assert.Single(frob.Errors);
        Assert.StartsWith("error: ", error);
        Assert.Contains("'frob'", error);
    }

    [Fact]
    public void VersionStillWorksAfterIt()
    {
        CommandOutcome version = _kernel.Session.Report.Commands.First(c => c.Command == "version");
        Assert.Empty(version.Errors);
        Assert.Contains(_kernel.OutputOf("version"), line => line.Contains("0."));
        Assert.True(
            _kernel.Session.Report.Commands.IndexOf(version) > _kernel.Session.Report.Commands.FindIndex(c => c.Command == "frob"));
    }

    [Fact]
    public void EchoPrintsItsArguments()
    {
        Assert.Contains("hello world", _kernel.OutputOf("echo hello world"));
    }
}
