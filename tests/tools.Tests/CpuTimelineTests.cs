using System.Linq;
using System.Text.RegularExpressions;
using KernelStress.Tool.Html;
using KernelStress.Tool.Tracing;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The HTML report's per-CPU timeline of a trace dump: one lane per CPU, one bar per thread span the
/// converter made (idle grey, the thread named in its tooltip), a red mark for the fault and an
/// orange one for the recovered chaos event; a session without a dump gets no section.
/// </summary>
public sealed class CpuTimelineTests
{
    [Fact]
    public void EveryThreadSpanIsABarAndEveryFaultAndChaosEventAMark()
    {
        ChromeTrace trace = new TraceConverter().Convert(TraceConverterTests.Parse(TraceConverterTests.FaultDump))!;
        string svg = CpuTimeline.Render(trace);

        Assert.StartsWith("<svg class=\"chart chart-cputimeline\"", svg);
        Assert.Contains(">CPU 0</text>", svg);
        Assert.Contains(">CPU 1</text>", svg);
        Assert.Equal(trace.TraceEvents.Count(e => e.Ph == "X" && e.Cat == "thread"), Regex.Matches(svg, "<rect class=\"run\"").Count);
        Assert.Matches("<rect class=\"run\"[^>]*fill=\"#d5d9e0\"><title>idle: ", svg);
        Assert.Contains("<title>sacrifice: 160 ", svg);
        Assert.Single(Regex.Matches(svg, "<path class=\"mark fault\"[^>]*fill=\"#c0262d\""));
        Assert.Single(Regex.Matches(svg, "<path class=\"mark chaos\"[^>]*fill=\"#e08a1e\""));
    }

    [Fact]
    public void ASessionWithoutADumpHasNoTimeline()
    {
        Assert.Equal("", CpuTimeline.Section(TraceConverterTests.Parse("""{"type":"boot","seq":0}""")));
    }
}
