using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>records on|brief|off</c> on the real kernel, typed as a person at a plain serial console
/// would (no runner in between): brief gives one short line per record, off none, on the frames
/// again. A scripted session (run, serial; parse reads its log) gets every record whatever a
/// person set among its commands, because the runner types <c>records on</c>; without that
/// (the negative control) the records after a <c>records off</c> are missing.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RecordsSettingTests
{
    private static readonly TimeSpan s_answer = TimeSpan.FromSeconds(10);

    private readonly BootedKernel _kernel;

    public RecordsSettingTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task BriefOffAndOnChangeHowRecordsReachTheConsole()
    {
        await using RawConsole console = await RawConsole.BootAsync(_kernel.Profile, _kernel.ImagePath, _kernel.Profile.Smp.Default);

        Assert.Contains("records: on", await TypeAsync(console, "records"));
        Assert.Contains("records: brief", await TypeAsync(console, "records brief"));
        string brief = await TypeAsync(console, "prng --seed 1 --count 1");
        Assert.DoesNotContain("@@KS", brief);
        string line = Assert.Single(brief.Split("\r\n"), l => l.StartsWith("[result #"));
        Assert.Matches(@"^\[result #\d+\] test=prng verdict=PASS gen=xorshift64star seed=1 count=1 first=\d+ last=\d+ xor=\d+$", line);
        Assert.InRange(line.Length, 1, KernelStress.Shell.RecordBrief.MaxLength);

        Assert.Contains("records: off", await TypeAsync(console, "records off"));
        string off = await TypeAsync(console, "prng --seed 1 --count 1");
        Assert.DoesNotContain("@@KS", off);
        Assert.DoesNotContain("[result", off);
        Assert.Contains("records: off", await TypeAsync(console, "records"));

        Assert.StartsWith("error: ", (await TypeAsync(console, "records loud")).Split("\r\n")[1]);
        Assert.Contains("records: on", await TypeAsync(console, "records on"));
        string on = await TypeAsync(console, "prng --seed 1 --count 1");
        Assert.Contains("@@KS1 ", on);
        Assert.Contains("\"type\":\"result\"", on);
    }

    [Fact]
    public async Task AScriptedSessionGetsEveryRecordAfterAPersonTurnedThemOff()
    {
        SessionResult session = await _kernel.RunAsync("records off", "mem", "records brief", "uptime");

        Assert.Null(session.Report.Error);
        Assert.Empty(session.Report.Corrupt);
        Assert.Equal(new[] { "boot", "mem", "uptime", "bye" }, session.Report.Records.Select(Type));
        Assert.Equal(new[] { "records off", "mem", "records brief", "uptime" }, session.Report.Commands.Select(c => c.Command));

        // parse reads the same log to the same commands and records: the runner's own records on is not a command.
        RunReport parsed = await UartLog.ParseAsync(new MemoryStream(session.Log), CancellationToken.None);
        Assert.Equal(session.Report.Commands.Select(c => c.Command), parsed.Commands.Select(c => c.Command));
        Assert.Equal(session.Report.Records.Select(Type), parsed.Records.Select(Type));
    }

    [Fact]
    public async Task WithoutTheRunnersRecordsOnTheRecordsAfterRecordsOffAreMissing()
    {
        SessionResult session = await _kernel.RunWithOptionsAsync(o => o with { KeepsRecordsOn = false }, "records off", "mem", "uptime");

        Assert.Equal(new[] { "boot" }, session.Report.Records.Select(Type));
        Assert.Contains("no bye record", session.Report.Error);
    }

    private static string Type(JsonElement record) => record.GetProperty("type").GetString()!;

    /// <summary>Types a line and returns what came back up to the next prompt.</summary>
    private static async Task<string> TypeAsync(RawConsole console, string line)
    {
        await console.TypeAsync(line + "\r");
        return await console.ExpectAsync("ks> ", s_answer);
    }
}
