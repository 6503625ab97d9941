using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>fault KIND --fatal</c> raises a real CPU exception on the shell's own thread, which is not
/// sacrificial, so it is fatal: the kernel prints a register dump, emits a complete <c>panic</c>
/// record (vector, faulting address, registers, stack words, the bytes at the faulting pc) and
/// halts with the machine's panic exit code; the tool calls that infrastructure trouble (ERROR).
/// A kind the CPU has no exception for (<c>de</c> on arm64) is answered with an error line
/// naming the arch, and the kernel goes on.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class FaultReportTests
{
    private readonly BootedKernel _kernel;

    public FaultReportTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ud")]
    [InlineData("pf")]
    [InlineData("gp")]
    public async Task TheFaultIsReportedWithAPanicRecordAndTheMachineHalts(string kind)
    {
        ArchFacts arch = ArchFacts.For(_kernel.Arch);
        FaultFacts fault = arch.Fault(kind);
        SessionResult session = await _kernel.RunAsync($"fault {kind} --fatal");

        if (fault.Vector is null)
        {
            Assert.Equal(Verdict.Fail, session.Report.Verdict);
            string error = Assert.Single(session.Report.Commands.Single().Errors);
            Assert.Equal($"error: fault '{kind}' does not exist on {_kernel.Arch} (the CPU has no such exception); try 'help fault'", error);
            Assert.DoesNotContain(session.Report.Records, r => r.GetProperty("type").GetString() == "panic");
            Assert.Equal(_kernel.PoweroffExitCode, session.Report.QemuExitCode);
            return;
        }

        Assert.Equal(Verdict.Error, session.Report.Verdict);
        Assert.Equal(_kernel.PanicExitCode, session.Report.QemuExitCode);
        JsonElement panic = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "panic");
        Assert.Equal(fault.Vector, panic.GetProperty("vector").GetInt32());
        Assert.Equal(_kernel.Arch, panic.GetProperty("arch").GetString());
        Assert.StartsWith(fault.Code, panic.GetProperty("code").GetString());
        Assert.Equal(16 * 2, panic.GetProperty("code").GetString()!.Length);
        Assert.Equal(8, panic.GetProperty("stack").GetArrayLength());
        Assert.Equal(arch.RegisterCount, panic.GetProperty("registers").EnumerateObject().Count());
        Assert.Matches("^0x[0-9a-f]{16}$", panic.GetProperty(arch.PcField).GetString());
        if (fault.FaultAddress is not null)
        {
            Assert.Equal(fault.FaultAddress, panic.GetProperty(arch.FaultAddressField).GetString());
        }
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("PANIC [cpu]: "));
    }
}
