// BriefRun: under `records brief`, a run of records of one type is one printed line and a count.
using Xunit;

namespace KernelStress.Shell.Tests;

public class BriefRunTests
{
    [Fact]
    public void TheFirstOfARunIsPrintedTheRestCountedUntilAnotherTypeOrTheEnd()
    {
        var sink = new BufferSink();
        Assert.False(BriefRun.Continues(sink, "telemetry"u8, 1));
        Assert.True(BriefRun.Continues(sink, "telemetry"u8, 2));
        Assert.True(BriefRun.Continues(sink, "telemetry"u8, 3));
        Assert.Equal("", sink.Text);
        Assert.False(BriefRun.Continues(sink, "error"u8, 4));
        Assert.Equal("[telemetry: 2 more, #2..#3]\r\n", sink.Text);
        BriefRun.End(sink);
        Assert.Equal("[telemetry: 2 more, #2..#3]\r\n", sink.Text);
        Assert.False(BriefRun.Continues(sink, "error"u8, 5));
    }
}
