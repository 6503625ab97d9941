// RecordBrief: the one-line form of a record that `records brief` prints and `kstress boot` shows.
using System.Text;
using Xunit;

namespace KernelStress.Shell.Tests;

public class RecordBriefTests
{
    private static string Brief(string json)
    {
        byte[] line = new byte[RecordBrief.MaxLength];
        int length = RecordBrief.Write(Encoding.ASCII.GetBytes(json), line);
        return Encoding.ASCII.GetString(line, 0, length);
    }

    [Fact]
    public void AResultShowsItsFiguresThenThePrimaryP99ThenTheReason()
    {
        string json = """{"type":"result","seq":13,"schema":1,"test":"memory","args":"stresstest memory","seed":1,"autonomy":false,"verdict":"PASS","reason":"68 OOM events","counters":{"ops":5},"histograms":{"alloc_latency":{"count":2,"p50_ns":7,"p99_ns":4832,"buckets":[[1,2,1]]},"other":{"p99_ns":9}}}""";
        Assert.Equal("""[result #13] test=memory seed=1 autonomy=false verdict=PASS p99_ns=4832 reason="68 OOM events" """.TrimEnd(), Brief(json));
    }

    [Fact]
    public void NestedValuesAreLeftOutAndEmptyStringsQuoted()
    {
        Assert.Equal("""[ps #4] note="" count=2""", Brief("""{"type":"ps","seq":4,"threads":[{"id":0,"name":"a,}"}],"note":"","count":2}"""));
        Assert.Equal("[bye #9] uptime_ms=11294 reason=poweroff", Brief("""{"type":"bye","seq":9,"reason":"poweroff","uptime_ms":11294}"""));
    }

    [Fact]
    public void AnErrorRecordNamesWhatIsMissing()
    {
        Assert.Equal("""[error #33] wanted_type=telemetry json_capacity=16384 reason="record overflow" """.TrimEnd(),
            Brief("""{"type":"error","seq":33,"reason":"record overflow","wanted_type":"telemetry","json_capacity":16384}"""));
    }

    [Fact]
    public void ALongRecordIsCutAtTheLimitWithAnEllipsis()
    {
        var json = new StringBuilder("""{"type":"mem","seq":1""");
        for (int i = 0; i < 40; i++)
        {
            json.Append($",\"field_{i}\":{i}");
        }
        string brief = Brief(json.Append('}').ToString());
        Assert.Equal(RecordBrief.MaxLength, brief.Length);
        Assert.StartsWith("[mem #1] field_0=0 field_1=1", brief);
        Assert.EndsWith("...", brief);
    }

    [Theory]
    [InlineData("", "[record]")]
    [InlineData("[1,2]", "[record]")]
    [InlineData("""{"seq":1,"type":"x"}""", "[record] type=x")]
    [InlineData("""{"type":"x","seq":1,"cut":""", "[x #1]")]
    public void WhatIsNotARecordGivesWhatWasUnderstood(string json, string expected)
    {
        Assert.Equal(expected, Brief(json));
    }
}
