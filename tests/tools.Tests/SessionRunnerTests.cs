using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>The session runner against <see cref="FakeKernel"/>: every way a session can end.</summary>
public class SessionRunnerTests
{
    private static readonly MachineProfile s_x64 = ProfileCatalog.Load().ForArch("x64");

    [Fact]
    public async Task CleanSessionPassesWithDurationsAndExitCode33()
    {
        var kernel = new FakeKernel();
        var console = new StringWriter();

        SessionResult result = await Run(kernel, console, "help", "version");

        Assert.Equal(Verdict.Pass, result.Report.Verdict);
        Assert.Equal(ExitCode.Pass, result.ExitCode);
        Assert.Null(result.Report.Error);
        Assert.Equal(33, result.Report.QemuExitCode);
        Assert.NotNull(result.Report.BootMs);
        Assert.Equal(new[] { "help", "version" }, result.Report.Commands.Select(c => c.Command));
        Assert.All(result.Report.Commands, c => Assert.NotNull(c.DurationMs));
        Assert.Equal(new[] { "records on", "help", "version", "poweroff" }, kernel.Received);
        Assert.Equal(new[] { "boot", "bye" }, result.Report.Records.Select(r => r.GetProperty("type").GetString()));
        Assert.False(kernel.Killed);

        string echoed = console.ToString();
        Assert.Contains("ks> help", echoed);
        Assert.Contains("[boot #0] schema=1 arch=x64", echoed);
        Assert.Contains("[bye #1]", echoed);
        Assert.DoesNotContain("@@KS1", echoed);
    }

    [Fact]
    public async Task LogHoldsTheRawBytesAndParsesBackToTheSameCommands()
    {
        SessionResult result = await Run(new FakeKernel(), null, "help", "frob", "version");

        string log = Encoding.UTF8.GetString(result.Log);
        Assert.StartsWith("\0\0garbage before boot\x1b[2J\r\n", log);
        RunReport parsed = await UartLog.ParseAsync(new MemoryStream(result.Log), CancellationToken.None);
        Assert.Equal(result.Report.Commands.Select(c => (c.Command, string.Join("|", c.Errors))), parsed.Commands.Select(c => (c.Command, string.Join("|", c.Errors))));
        Assert.Equal(result.Report.Verdict, parsed.Verdict);
    }

    [Fact]
    public async Task ErrorLineFailsTheSessionAndTheKernelKeepsAnswering()
    {
        SessionResult result = await Run(new FakeKernel(), null, "frob", "version");

        Assert.Equal(Verdict.Fail, result.Report.Verdict);
        Assert.Equal(ExitCode.TestFailure, result.ExitCode);
        Assert.Equal("error: unknown command 'frob'; type 'help' for the list", Assert.Single(result.Report.Commands[0].Errors));
        Assert.Empty(result.Report.Commands[1].Errors);
        Assert.Equal("'frob' answered: error: unknown command 'frob'; type 'help' for the list", Assert.Single(result.Report.FailureLines()));
    }

    [Fact]
    public async Task FailResultFailsTheSession()
    {
        var kernel = new FakeKernel();
        kernel.Commands["stress"] = k => k.Record("{\"type\":\"result\",\"seq\":%SEQ%,\"test\":\"memory\",\"verdict\":\"FAIL\",\"reason\":\"leak\"}");

        SessionResult result = await Run(kernel, null, "stress");

        Assert.Equal(Verdict.Fail, result.Report.Verdict);
        Assert.Single(result.Report.Results);
        Assert.Equal("result FAIL: [result #1] test=memory verdict=FAIL reason=leak", Assert.Single(result.Report.FailureLines()));
    }

    [Fact]
    public async Task FailingSelftestSuiteFailsTheSession()
    {
        var kernel = new FakeKernel();
        kernel.Commands["selftest"] = k => k.Record("{\"type\":\"selftest\",\"seq\":%SEQ%,\"suite\":\"sched\",\"verdict\":\"FAIL\"}");
        kernel.Commands["mem"] = k => k.Record("{\"type\":\"mem\",\"seq\":%SEQ%,\"pages_free\":1}");

        SessionResult result = await Run(kernel, null, "mem", "selftest");

        Assert.Equal(Verdict.Fail, result.Report.Verdict);
        Assert.Empty(result.Report.Results);
        Assert.Equal("selftest FAIL: [selftest #2] suite=sched verdict=FAIL", Assert.Single(result.Report.FailureLines()));
    }

    [Fact]
    public async Task SilentCommandIsAHangAndQemuIsKilled()
    {
        var kernel = new FakeKernel();
        kernel.Commands["spin"] = k => k.Hang();

        SessionResult result = await Run(kernel, null, "spin", "version");

        Assert.Equal(Verdict.Hang, result.Report.Verdict);
        Assert.Equal(ExitCode.Infrastructure, result.ExitCode);
        Assert.Contains("hang: the prompt after 'spin' did not come within 0.3 s and the kernel printed nothing after the echo", result.Report.Error);
        Assert.True(kernel.Killed);
        Assert.Equal(new[] { "records on", "spin" }, kernel.Received);
        Assert.Null(result.Report.QemuExitCode);
    }

    [Fact]
    public async Task CommandThatPrintsButNeverReturnsHitsTheDeadline()
    {
        var kernel = new FakeKernel();
        kernel.Commands["loop"] = k =>
        {
            k.Print("working...\r\n");
            k.Hang();
        };

        SessionResult result = await Run(kernel, null, "loop");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal("the prompt after 'loop' did not come within 0.3 s (raise --timeout if 'loop' needs longer)", result.Report.Error!.Split("; ")[0]);
        Assert.True(kernel.Killed);
    }

    [Fact]
    public async Task NoPromptWithinTheBootTimeoutIsAnError()
    {
        var kernel = new FakeKernel { Boot = k => k.Print("KernelStress booting\r\n") };

        SessionResult result = await Run(kernel, null, "help");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Contains("the first prompt did not come within 0.5 s of starting QEMU", result.Report.Error);
        Assert.Contains("no boot record", result.Report.Error);
        Assert.Equal("KernelStress booting", Assert.Single(result.Tail));
        Assert.True(kernel.Killed);
        Assert.Empty(kernel.Received);
    }

    [Fact]
    public async Task SilentMachineSaysItPrintedNothing()
    {
        SessionResult result = await Run(new FakeKernel { Boot = _ => { } }, null);
        Assert.Contains("QEMU printed nothing on the UART", result.Report.Error);
    }

    [Fact]
    public async Task QemuDyingMidCommandIsAnErrorWithItsExitCodeAndStderr()
    {
        var kernel = new FakeKernel { ErrorOutput = "qemu-system-x86_64: something broke\n" };
        kernel.Commands["crash"] = k => k.Exit(0);

        SessionResult result = await Run(kernel, null, "crash", "version");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal(0, result.Report.QemuExitCode);
        Assert.Contains("QEMU exited with code 0 (crash: a triple fault", result.Report.Error);
        Assert.Contains("before the prompt after 'crash'", result.Report.Error);
        Assert.Contains("QEMU said: qemu-system-x86_64: something broke", result.Report.Error);
        Assert.Equal("qemu-system-x86_64: something broke\n", result.QemuStderr);
    }

    [Fact]
    public async Task PanicRecordIsAnError()
    {
        var kernel = new FakeKernel();
        kernel.Commands["boom"] = k =>
        {
            k.Print("PANIC in heap\r\n");
            k.Record("{\"type\":\"panic\",\"seq\":%SEQ%,\"subsystem\":\"heap\",\"message\":\"double free\"}");
            k.Exit(35);
        };

        SessionResult result = await Run(kernel, null, "boom", "version");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal(35, result.Report.QemuExitCode);
        Assert.StartsWith("kernel panic (line ", result.Report.Error);
        Assert.Contains("subsystem=heap message=\"double free\"", result.Report.Error);
    }

    [Fact]
    public async Task PanicRecordWithoutExitEndsTheSessionToo()
    {
        var kernel = new FakeKernel();
        kernel.Commands["boom"] = k =>
        {
            k.Record("{\"type\":\"panic\",\"seq\":%SEQ%,\"message\":\"halted\"}");
            k.Hang();
        };

        SessionResult result = await Run(kernel, null, "boom", "version");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.True(kernel.Killed);
        Assert.Equal(new[] { "records on", "boom" }, kernel.Received);
    }

    [Fact]
    public async Task UnexpectedExitCodeAfterPoweroffIsAnError()
    {
        var kernel = new FakeKernel();
        kernel.Commands["poweroff"] = k =>
        {
            k.Record("{\"type\":\"bye\",\"seq\":%SEQ%}");
            k.Exit(1);
        };

        SessionResult result = await Run(kernel, null, "version");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal(1, result.Report.QemuExitCode);
        Assert.Contains("QEMU exited with code 1, which the x64 profile does not list after poweroff", result.Report.Error);
    }

    [Fact]
    public async Task MissingByeRecordIsAnError()
    {
        var kernel = new FakeKernel();
        kernel.Commands["poweroff"] = k => k.Exit(33);

        SessionResult result = await Run(kernel, null);

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal("no bye record after poweroff", result.Report.Error);
    }

    [Fact]
    public async Task PoweroffThatNeverExitsIsAnError()
    {
        var kernel = new FakeKernel();
        kernel.Commands["poweroff"] = k =>
        {
            k.Record("{\"type\":\"bye\",\"seq\":%SEQ%}");
            k.Hang();
        };

        SessionResult result = await Run(kernel, null);

        Assert.Contains("QEMU did not exit within 0.5 s after poweroff", result.Report.Error);
        Assert.True(kernel.Killed);
    }

    [Fact]
    public async Task CorruptRecordIsAnErrorButGoodNeighboursAreKept()
    {
        var kernel = new FakeKernel();
        kernel.Commands["stress"] = k =>
        {
            k.Record("{\"type\":\"result\",\"seq\":%SEQ%,\"test\":\"a\",\"verdict\":\"PASS\"}");
            k.Print(Uart.Record("{\"type\":\"result\",\"seq\":2,\"test\":\"b\",\"verdict\":\"PASS\"}").Replace("\"b\"", "\"B\"") + "\r\n");
            k.SkipSeq();
            k.Record("{\"type\":\"result\",\"seq\":%SEQ%,\"test\":\"c\",\"verdict\":\"PASS\"}");
        };

        SessionResult result = await Run(kernel, null, "stress");

        Assert.Equal(Verdict.Error, result.Report.Verdict);
        Assert.Equal(new[] { "a", "c" }, result.Report.Results.Select(r => r.GetProperty("test").GetString()));
        Assert.StartsWith("crc mismatch", Assert.Single(result.Report.Corrupt).Reason);
        Assert.Contains("1 corrupt record(s) or seq anomalies", result.Report.Error);
    }

    [Fact]
    public async Task HaltingBoardEndsAtTheByeRecord()
    {
        var kernel = new FakeKernel();
        kernel.Commands["poweroff"] = k =>
        {
            k.Record("{\"type\":\"bye\",\"seq\":%SEQ%}");
            k.Hang();
        };
        MachineProfile board = new()
        {
            Comment = "a board without power-off",
            Name = "board",
            Arch = "arm64",
            Binary = "qemu-system-aarch64",
            Package = "qemu-system-arm",
            Image = "kernel8.img",
            MemoryMb = s_x64.MemoryMb,
            Smp = s_x64.Smp,
            Args = s_x64.Args,
            ExitCodes = new(),
            PoweroffExits = false,
            BootTimeoutSeconds = 1,
            CommandTimeoutSeconds = 1,
        };

        SessionResult result = await Run(kernel, null, board, "version");

        Assert.Equal(Verdict.Pass, result.Report.Verdict);
        Assert.Null(result.Report.QemuExitCode);
        Assert.True(kernel.Killed);
    }

    [Fact]
    public async Task CancellationStopsQemuAndMarksTheSessionInterrupted()
    {
        var kernel = new FakeKernel();
        kernel.Commands["spin"] = k => k.Hang();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        SessionOptions options = Options(s_x64, "spin") with { CommandTimeout = TimeSpan.FromSeconds(30) };

        SessionResult result = await new SessionRunner(kernel, null).RunAsync(options, cancel.Token);

        Assert.True(result.Interrupted);
        Assert.Equal(ExitCode.Interrupted, result.ExitCode);
        Assert.True(kernel.Killed);
        Assert.Contains("interrupted", result.Report.Error);
    }

    [Fact]
    public async Task MachineGetsTheProfileArgumentsAndSizes()
    {
        var kernel = new FakeKernel();
        SessionOptions options = Options(s_x64) with { MemoryMb = 256, Smp = 2 };

        await new SessionRunner(kernel, null).RunAsync(options, CancellationToken.None);

        Assert.Equal("qemu-system-x86_64", kernel.StartedWith!.FileName);
        Assert.Contains("256M", kernel.StartedWith.Arguments);
        Assert.Contains("stdio", kernel.StartedWith.Arguments);
        Assert.Contains("/fake/kernel.bin", kernel.StartedWith.Arguments);
    }

    private static Task<SessionResult> Run(FakeKernel kernel, TextWriter? console, params string[] commands) =>
        Run(kernel, console, s_x64, commands);

    private static Task<SessionResult> Run(FakeKernel kernel, TextWriter? console, MachineProfile profile, params string[] commands) =>
        new SessionRunner(kernel, console is null ? null : new UartConsole(console)).RunAsync(Options(profile, commands), CancellationToken.None);

    private static SessionOptions Options(MachineProfile profile, params string[] commands) =>
        SessionOptions.ForProfile(profile, "/fake/kernel.bin", commands) with
        {
            BootTimeout = TimeSpan.FromMilliseconds(500),
            CommandTimeout = TimeSpan.FromMilliseconds(300),
        };
}
