using System.Text;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>PersonView: what <c>kstress boot</c> writes to the terminal for UART bytes.</summary>
public class PersonViewTests
{
    private static string Record(string json) => RecordFrame.Encode(json) + "\r\n";

    private static string Feed(PersonView view, string uart) => Encoding.UTF8.GetString(view.Feed(Encoding.UTF8.GetBytes(uart)));

    [Fact]
    public void TextPassesThroughAsItComesAndARecordBecomesOneLine()
    {
        var view = new PersonView(RecordView.Brief, 160);
        Assert.Equal("ks> e", Feed(view, "ks> e"));
        Assert.Equal("cho\r\n", Feed(view, "cho\r\n"));
        string shown = Feed(view, Record("""{"type":"uptime","seq":3,"uptime_ns":5,"ticks":1}""") + "ks> ");
        Assert.Equal("\r\u001b[2K[uptime #3] uptime_ns=5 ticks=1\r\nks> ", shown);
    }

    [Fact]
    public void RecordsOfOneTypeInARowShareALineThatCountsThem()
    {
        var view = new PersonView(RecordView.Brief, 160);
        string shown = Feed(view, Record("""{"type":"telemetry","seq":4,"index":0}""") + Record("""{"type":"telemetry","seq":5,"index":1}""") + "done\r\n");
        Assert.Equal("\r\u001b[2K[telemetry #4] index=0\r\u001b[2K[telemetry #4..#5, 2 records] index=1\r\ndone\r\n", shown);
    }

    [Fact]
    public void ProgressIsALiveLine()
    {
        var view = new PersonView(RecordView.Brief, 160);
        string shown = Feed(view, Record("""{"type":"progress","seq":1,"test":"memory","elapsed_ms":1000,"duration_ms":2000,"ops":7}"""));
        Assert.Equal("\r\u001b[2K[progress] memory: 1.0 of 2.0 s, ops 7", shown);
    }

    [Fact]
    public void ACorruptRecordIsFlaggedInEveryView()
    {
        string damaged = Record("""{"type":"mem","seq":0}""").Replace("\"mem\"", "\"mam\"");
        foreach (RecordView v in new[] { RecordView.Brief, RecordView.Hidden })
        {
            Assert.StartsWith("!! corrupt record: crc mismatch", Feed(new PersonView(v, 160), damaged));
        }
        Assert.Contains("@@KS1 ", Feed(new PersonView(RecordView.Raw, 160), damaged));
    }

    [Fact]
    public void CycleGoesBriefRawHiddenAndSaysSo()
    {
        var view = new PersonView(RecordView.Brief, 160);
        Assert.Contains("records now shown raw", Encoding.UTF8.GetString(view.Cycle()));
        string record = Record("""{"type":"bye","seq":9}""");
        Assert.Equal(record, Feed(view, record));
        Assert.Contains("records now hidden", Encoding.UTF8.GetString(view.Cycle()));
        Assert.Equal("", Feed(view, record));
        Assert.Contains("records now shown one line each", Encoding.UTF8.GetString(view.Cycle()));
    }

    [Fact]
    public void ABriefLineIsCutToTheTerminal()
    {
        var view = new PersonView(RecordView.Brief, 40);
        string shown = Feed(view, Record("""{"type":"mem","seq":1,"a_long_field_name":123456789,"another_long_field":987654321}"""));
        Assert.Equal(40 - 1 + "\r\u001b[2K".Length, shown.Length);
        Assert.EndsWith("...", shown);
    }
}
