using System;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A kernel that stops answering is looked at from outside: the runner reads every CPU through
/// QEMU's monitor before stopping it. On this arch's machine: a CPU spinning with interrupts off
/// is seen running with interrupts off, and CPUs with nothing to run are seen halted (x64's HLT
/// flag; arm64's PC just past a WFI).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class HangDiagnosisTests
{
    private static readonly TimeSpan s_shortTimeout = TimeSpan.FromSeconds(3);

    private readonly BootedKernel _kernel;

    public HangDiagnosisTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ACpuSpinningWithInterruptsOffIsSeenRunningMasked()
    {
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { Smp = 1, CommandTimeout = s_shortTimeout },
            "spin 20000 --interrupts-off", "uptime");

        // HANG when the spin starts after spin's prompt; ERROR when it starts before that prompt,
        // which then never comes (one CPU: the spin thread may run first). The CPUs are read either way.
        Assert.Contains(session.Report.Verdict, new[] { Verdict.Hang, Verdict.Error });
        HungCpu cpu = Assert.Single(session.Report.HungCpus);
        Assert.False(cpu.InterruptsEnabled);
        Assert.False(cpu.Halted);
        Assert.StartsWith("CPU 0 ran with interrupts off", CrashText.Diagnosis(session.Report.HungCpus));
    }

    [Fact]
    public async Task IdleCpusAreSeenHalted()
    {
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { Smp = 2, CommandTimeout = s_shortTimeout }, "sleep 20000");

        Assert.Equal(Verdict.Hang, session.Report.Verdict);
        Assert.Equal(new[] { 0, 1 }, session.Report.HungCpus.Select(c => c.Cpu));
        Assert.All(session.Report.HungCpus, c => Assert.True(c.Halted));
        Assert.StartsWith("every CPU was halted", CrashText.Diagnosis(session.Report.HungCpus));
    }
}
