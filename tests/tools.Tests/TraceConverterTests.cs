using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Commands;
using KernelStress.Tool.Tracing;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The kernel's trace records as Chrome trace-event JSON: one track per CPU named by M metadata,
/// thread and interrupt X spans that nest (a switch inside a handler closes it: with that turned
/// off the nesting check finds the crossing), instants and counters, the last dump of a log only,
/// and <c>parse --trace</c> writing the file or saying why it cannot.
/// </summary>
public sealed class TraceConverterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-trace").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // CPU 0: thread 5 faults inside its page-fault handler and switches away dead; a timer tick follows.
    // CPU 1: idle all along, one chaos event, one heap sample.
    internal const string FaultDump =
        """{"type":"trace","seq":1,"part":"events","cpu":0,"events":[[100000,"switch",0,5,"ready"],[200000,"irq_enter",14],[250000,"fault",5,14],[260000,"switch",5,1,"dead"],[300000,"irq_enter",32],[310000,"irq_exit",32]]}""" + "\n"
        + """{"type":"trace","seq":2,"part":"events","cpu":1,"events":[[150000,"chaos","memory_spike",40,true,true,1234],[160000,"heap",4096,37]]}""" + "\n"
        + """{"type":"trace","seq":3,"part":"threads","threads":[[0,"shell"],[1,"idle"],[5,"sacrifice"]]}""" + "\n"
        + """{"type":"trace","seq":4,"part":"end","arch":"x64","capacity":8192,"on":true,"appended":[6,2],"dumped":[6,2],"lost":[0,0]}""";

    internal static List<JsonElement> Parse(string lines) =>
        lines.Split('\n').Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void EveryCpuIsANamedTrackAndTheSpansNest()
    {
        ChromeTrace trace = new TraceConverter().Convert(Parse(FaultDump))!;

        Assert.Empty(TraceNesting.Violations(trace.TraceEvents));
        Assert.Contains(trace.TraceEvents, e => e.Ph == "M" && e.Name == "process_name" && (string)e.Args!["name"] == "kernel (x64)");
        Assert.Equal(new[] { "CPU 0", "CPU 1" }, trace.TraceEvents.Where(e => e.Ph == "M" && e.Name == "thread_name").OrderBy(e => e.Tid).Select(e => (string)e.Args!["name"]));
        TraceEvent sacrifice = Assert.Single(trace.TraceEvents, e => e.Ph == "X" && e.Name == "sacrifice");
        Assert.Equal((0, 100.0, 160.0), (sacrifice.Tid, sacrifice.Ts, sacrifice.Dur!.Value));
        Assert.Equal("dead", sacrifice.Args!["left_as"]);
        TraceEvent pageFault = Assert.Single(trace.TraceEvents, e => e.Ph == "X" && e.Cat == "irq" && e.Name.StartsWith("#PF"));
        Assert.Equal((200.0, 60.0, true), (pageFault.Ts, pageFault.Dur!.Value, (bool)pageFault.Args!["left_by_switch"]));
        Assert.Single(trace.TraceEvents, e => e.Ph == "X" && e.Name == "timer" && e.Ts == 300.0 && e.Dur == 10.0);
        Assert.Single(trace.TraceEvents, e => e.Ph == "X" && e.Name == "idle" && e.Tid == 0 && e.Ts == 260.0);
        TraceEvent fault = Assert.Single(trace.TraceEvents, e => e.Ph == "i" && e.Cat == "fault");
        Assert.Equal(("t", "sacrifice"), (fault.S, (string)fault.Args!["thread"]));
        TraceEvent chaos = Assert.Single(trace.TraceEvents, e => e.Ph == "i" && e.Cat == "chaos");
        Assert.Equal((1, "chaos memory_spike", true), (chaos.Tid, chaos.Name, (bool)chaos.Args!["recovered"]));
        Assert.Contains(trace.TraceEvents, e => e.Ph == "C" && e.Name == "kernel heap bytes" && (long)e.Args!["in_use"] == 4096);
        Assert.Equal(new long[] { 0, 0 }, trace.OtherData.Lost);
        Assert.Equal(1, trace.OtherData.EventsByKind["fault"]);
    }

    [Fact]
    public void WithoutClosingHandlersAtASwitchTheNestingCheckFindsTheCrossing()
    {
        ChromeTrace trace = new TraceConverter(closeInterruptsAtSwitch: false).Convert(Parse(FaultDump))!;

        string crossing = Assert.Single(TraceNesting.Violations(trace.TraceEvents));
        Assert.Contains("'#PF page fault'", crossing);
    }

    [Fact]
    public void NestingAcceptsNestedAndDisjointSpansAndRejectsOverlap()
    {
        static TraceEvent X(double ts, double dur, int tid = 0) => new() { Name = $"{ts}", Ph = "X", Ts = ts, Dur = dur, Tid = tid };

        Assert.Empty(TraceNesting.Violations(new[] { X(0, 10), X(2, 3), X(5, 5), X(10, 1), X(4, 100, tid: 1) }));
        Assert.Single(TraceNesting.Violations(new[] { X(0, 10), X(5, 10) }));
    }

    [Fact]
    public void OnlyTheLastDumpOfALogIsConverted()
    {
        string earlier = """{"type":"trace","seq":1,"part":"events","cpu":0,"events":[[1000,"irq_enter",32],[2000,"irq_exit",32]]}""" + "\n"
            + """{"type":"trace","seq":2,"part":"end","arch":"x64","capacity":8192,"on":true,"appended":[2],"dumped":[2],"lost":[0]}""" + "\n";
        ChromeTrace trace = new TraceConverter().Convert(Parse(earlier + FaultDump))!;

        Assert.DoesNotContain(trace.TraceEvents, e => e.Ts == 1.0);
        Assert.Equal(new long[] { 6, 2 }, trace.OtherData.Appended);
    }

    [Fact]
    public async Task ParseWritesTheTraceFileThatPerfettoReads()
    {
        string log = Path.Combine(_dir, "uart.log");
        File.WriteAllText(log, Records.Session(("trace dump", string.Concat(FaultDump.Split('\n').Select(l => Uart.Record(l) + "\r\n")))));
        string path = Path.Combine(_dir, "trace.json");
        var stdErr = new StringWriter();

        int exit = await ParseCommand.HandleAsync(log, "json", Path.Combine(_dir, "report.json"), new StringWriter(), stdErr, CancellationToken.None, trace: path);

        Assert.True(exit == 0, stdErr.ToString());
        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("ns", file.RootElement.GetProperty("displayTimeUnit").GetString());
        JsonElement[] events = file.RootElement.GetProperty("traceEvents").EnumerateArray().ToArray();
        Assert.All(events, e => Assert.Contains(e.GetProperty("ph").GetString(), new[] { "M", "X", "i", "C" }));
        Assert.All(events.Where(e => e.GetProperty("ph").GetString() == "X"), e => Assert.True(e.GetProperty("dur").GetDouble() >= 0));
        Assert.All(events, e => Assert.Equal(1, e.GetProperty("pid").GetInt32()));
        Assert.Contains($"kstress: trace: {path} (", stdErr.ToString());
    }

    [Fact]
    public async Task ParseWithoutADumpSaysSoAndWritesNothing()
    {
        string log = Path.Combine(_dir, "uart.log");
        File.WriteAllText(log, Records.Session(("version", "KernelStress 0.1.0\r\n")));
        string path = Path.Combine(_dir, "trace.json");
        var stdErr = new StringWriter();

        int exit = await ParseCommand.HandleAsync(log, "json", Path.Combine(_dir, "report.json"), new StringWriter(), stdErr, CancellationToken.None, trace: path);

        Assert.Equal((int)ExitCode.Infrastructure, exit);
        Assert.Contains("the session has no trace dump", stdErr.ToString());
        Assert.False(File.Exists(path));
    }
}
