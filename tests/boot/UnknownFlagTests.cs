using System.Linq;
using KernelStress.Tool.Reports;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>An unknown flag gets an <c>error:</c> line that names the flag.</summary>
[Collection(BootCollection.Name)]
public sealed class UnknownFlagTests
{
    private readonly BootedKernel _kernel;

    public UnknownFlagTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public void UnknownFlagIsNamedInTheError()
    {
        CommandOutcome bogus = _kernel.Session.Report.Commands.Single(c => c.Command == "version --bogus");
        string error = Assert.Single(bogus.Errors);
        Assert.StartsWith("error: ", error);
        Assert.Contains("--bogus", error);
    }
}
