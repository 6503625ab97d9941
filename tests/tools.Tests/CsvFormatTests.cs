using System.Linq;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>The seed 004 CSV: its columns, one row per result and per phase, derived figures, and empty cells for what the kernel did not report.</summary>
public class CsvFormatTests
{
    [Fact]
    public void RowPerResultAndPhaseWithDerivedFigures()
    {
        string log = Records.Session(("stresstest memory", Records.Result(1, durationMs: 2000, counters: "\"ops\":1000,\"failed\":5,\"mem_peak_bytes\":4096,\"cpu_busy_pct\":37",
            phases: $"{{\"name\":\"level1\",\"duration_ms\":500,\"counters\":{{\"ops\":400,\"failed\":0}},\"histograms\":{{\"alloc\":{Records.Histogram(300, 7000)}}}}}") + "\r\n"));

        string[] lines = Records.Lines(Reports.Render("csv", Reports.Parse(log))).ToArray();

        Assert.Equal("test_name,duration,ops,failed,throughput,error_rate,p50,p95,p99,mem,cpu", lines[0]);
        Assert.Equal("memory,2,1000,5,500,0.005,500,6750,9000,4096,37", lines[1]);
        Assert.Equal("memory/level1,0.5,400,0,800,0,300,5250,7000,,", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void QuantitiesTheKernelDidNotReportAreEmptyNotZero()
    {
        string bench = Uart.Record($"{{\"type\":\"result\",\"seq\":1,\"test\":\"bench_heap\",\"arch\":\"x64\",\"verdict\":\"PASS\",\"reason\":\"all sizes measured\",\"histograms\":{{\"heap_16\":{Records.Histogram(6000, 10000)}}}}}");
        string[] lines = Records.Lines(Reports.Render("csv", Reports.Parse(Records.Session(("bench heap", bench + "\r\n"))))).ToArray();

        Assert.Equal("bench_heap,,,,,,6000,7500,10000,,", lines[1]);
    }

    [Fact]
    public void EveryRunOfARepeatHasItsRows()
    {
        string Log(ulong seed) => Records.Session(("stresstest memory", Records.Result(1, seed: seed) + "\r\n"));
        string[] lines = Records.Lines(Reports.Render("csv", Reports.Parse(Log(1)), Reports.Parse(Log(2)), Reports.Parse(Log(3)))).Where(l => l.Length > 0).ToArray();

        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("memory,2,1000,2,500,0.002,", l));
    }

    [Fact]
    public void NamesWithCommasAreQuoted()
    {
        string log = Records.Session(("stresstest x", Records.Result(1, test: "a,\\\"b\\\"") + "\r\n"));
        Assert.StartsWith("\"a,\"\"b\"\"\",2,", Records.Lines(Reports.Render("csv", Reports.Parse(log))).ElementAt(1));
    }
}
