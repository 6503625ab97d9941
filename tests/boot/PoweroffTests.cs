using System.Linq;
using KernelStress.Tool.Reports;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary><c>poweroff</c> prints a bye record and QEMU exits with the profile's poweroff code (33 on x64).</summary>
[Collection(BootCollection.Name)]
public sealed class PoweroffTests
{
    private readonly BootedKernel _kernel;

    public PoweroffTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public void QemuExitsWithThePoweroffCode()
    {
        Assert.Equal(_kernel.PoweroffExitCode, _kernel.Session.Report.QemuExitCode);
        if (_kernel.Arch == "x64")
        {
            Assert.Equal(33, _kernel.PoweroffExitCode);
        }
    }

    [Fact]
    public void ByeIsTheLastRecord()
    {
        Assert.Equal("bye", _kernel.Session.Report.Records.Last().GetProperty("type").GetString());
    }

    [Fact]
    public void SessionIsJudgedNotErrored()
    {
        // The shared session has error lines on purpose (frob, --bogus), so FAIL, never ERROR.
        Assert.True(_kernel.Session.Report.Verdict == Verdict.Fail, $"{_kernel.Session.Report.Verdict}: {_kernel.Session.Report.Error}\n{_kernel.Transcript}");
        Assert.Null(_kernel.Session.Report.Error);
    }
}
