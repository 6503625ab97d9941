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
/// record (vector, faulting address, registers, stack words, the bytes at rip) and halts with the
/// panic exit code; the tool calls that infrastructure trouble (ERROR).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class FaultReportTests
{
    private const int PanicExitCode = 35;

    private readonly BootedKernel _kernel;

    public FaultReportTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Theory]
    [InlineData("de", 0, "f7f1")]        // div ecx
    [InlineData("ud", 6, "0f0b")]        // ud2
    [InlineData("pf", 14, "488b00")]     // mov rax, [rax]
    [InlineData("gp", 13, "488b00")]
    public async Task TheFaultIsReportedWithAPanicRecordAndTheMachineHalts(string kind, int vector, string instruction)
    {
        SessionResult session = await _kernel.RunAsync($"fault {kind} --fatal");

        Assert.Equal(Verdict.Error, session.Report.Verdict);
        Assert.Equal(PanicExitCode, session.Report.QemuExitCode);
        JsonElement panic = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "panic");
        Assert.Equal(vector, panic.GetProperty("vector").GetInt32());
        Assert.Equal("x64", panic.GetProperty("arch").GetString());
        Assert.StartsWith(instruction, panic.GetProperty("code").GetString());
        Assert.Equal(16 * 2, panic.GetProperty("code").GetString()!.Length);
        Assert.Equal(8, panic.GetProperty("stack").GetArrayLength());
        Assert.Equal(15, panic.GetProperty("registers").EnumerateObject().Count());
        Assert.Matches("^0x[0-9a-f]{16}$", panic.GetProperty("rip").GetString());
        if (kind == "pf")
        {
            Assert.Equal("0x0000000100000000", panic.GetProperty("cr2").GetString());
        }
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("PANIC [cpu]: "));
    }
}
