using System.Collections.Generic;
using System.Linq;
using System.Text;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

public class UartStreamParserTests
{
    [Fact]
    public void GoodRecordIsTrustedWithItsFieldsAndLine()
    {
        List<UartEvent> events = Uart.Parse("KernelStress booting\r\n" + Uart.Boot() + "\r\nks> ");

        UartRecord boot = Assert.Single(events.Records());
        Assert.Equal("boot", boot.Type);
        Assert.Equal(0, boot.Seq);
        Assert.Equal(2, boot.Line);
        Assert.Equal("x64", boot.GetString("arch"));
        Assert.Equal(134217728, boot.Body.GetProperty("memory_bytes").GetInt64());
        Assert.Empty(events.Corrupt());
    }

    [Fact]
    public void LengthCountsUtf8BytesNotCharacters()
    {
        string json = "{\"type\":\"result\",\"seq\":0,\"unit\":\"µs\",\"note\":\"naïve ✓\"}";
        UartRecord record = Assert.Single(Uart.Parse(Uart.Record(json) + "\r\n").Records());
        Assert.Equal("µs", record.GetString("unit"));
        Assert.Equal(json, record.Json);
    }

    [Fact]
    public void PromptAndEchoedTextOnTheRecordLineDoNotHideIt()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\nks> " + Uart.Result(1) + "\r\n");

        Assert.Equal(new long[] { 0, 1 }, events.Records().Select(r => r.Seq));
        LineReceived line = events.Lines()[1];
        Assert.True(line.HasRecord);
        Assert.Equal("ks> ", line.Human);
        Assert.False(line.IsEcho);
    }

    [Fact]
    public void TwoRecordsOnOneLineAreBothTrusted()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + Uart.Result(1) + "\r\n");
        Assert.Equal(new long[] { 0, 1 }, events.Records().Select(r => r.Seq));
        Assert.Empty(events.Corrupt());
    }

    [Fact]
    public void MarkerTextInsideAStringValueIsPartOfTheRecord()
    {
        string json = "{\"type\":\"result\",\"seq\":0,\"output\":\"@@KS1 12 00000000 {}\"}";
        UartRecord record = Assert.Single(Uart.Parse(Uart.Record(json) + "\r\n").Records());
        Assert.Equal("@@KS1 12 00000000 {}", record.GetString("output"));
    }

    [Fact]
    public void NoiseAfterAVerifiedRecordIsIgnored()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "   \r\n");
        Assert.Single(events.Records());
        Assert.Empty(events.Corrupt());
    }

    [Fact]
    public void CrcMismatchIsCorrupt()
    {
        string good = Uart.Result(0);
        string bad = good.Replace("memory", "memorY");
        CorruptFinding finding = Assert.Single(Uart.Parse(bad + "\r\n").Corrupt());
        Assert.Equal(1, finding.Line);
        Assert.StartsWith("crc mismatch", finding.Reason);
    }

    [Fact]
    public void LengthMismatchIsCorrupt()
    {
        string good = Uart.Result(0);
        string[] parts = good.Split(' ', 4);
        string bad = $"{parts[0]} {int.Parse(parts[1]) + 3} {parts[2]} {parts[3]}";
        List<UartEvent> events = Uart.Parse(bad + "\r\n");
        Assert.Empty(events.Records());
        Assert.StartsWith("length mismatch: the header says", Assert.Single(events.Corrupt()).Reason);
    }

    [Fact]
    public void BytesLostInTransitAreALengthMismatch()
    {
        string good = Uart.Result(0);
        string bad = good.Remove(good.Length - 10, 4);
        Assert.StartsWith("length mismatch", Assert.Single(Uart.Parse(bad + "\r\n").Corrupt()).Reason);
    }

    [Theory]
    [InlineData("@@KS1 abc 0123abcd {\"type\":\"x\",\"seq\":0}", "malformed header: the length")]
    [InlineData("@@KS1 20 0123ABCD {\"type\":\"x\",\"seq\":0}", "malformed header: the crc32")]
    [InlineData("@@KS1 20 0123abc {\"type\":\"x\",\"seq\":0}", "malformed header: the crc32")]
    [InlineData("@@KS1 1234567890 0123abcd {}", "malformed header: the length")]
    [InlineData("@@KS1 ", "malformed header: the length")]
    public void MalformedHeaderIsCorrupt(string line, string reason)
    {
        List<UartEvent> events = Uart.Parse(line + "\r\n");
        Assert.Empty(events.Records());
        Assert.StartsWith(reason, Assert.Single(events.Corrupt()).Reason);
    }

    [Theory]
    [InlineData("{\"type\":\"result\",\"seq\":0", "invalid JSON")]
    [InlineData("[1,2,3]", "the JSON is a Array, not an object")]
    [InlineData("{\"seq\":0}", "the record has no \"type\" string")]
    [InlineData("{\"type\":\"result\"}", "the record has no non-negative integer \"seq\"")]
    [InlineData("{\"type\":\"result\",\"seq\":\"1\"}", "the record has no non-negative integer \"seq\"")]
    [InlineData("{\"type\":\"result\",\"seq\":-1}", "the record has no non-negative integer \"seq\"")]
    public void VerifiedFrameWithBadContentIsCorrupt(string json, string reason)
    {
        CorruptFinding finding = Assert.Single(Uart.Parse(Uart.Record(json) + "\r\n").Corrupt());
        Assert.StartsWith(reason, finding.Reason);
    }

    [Fact]
    public void DamagedMarkerIsReportedNotDropped()
    {
        string bad = Uart.Result(0).Replace("@@KS1", "@@KX1");
        List<UartEvent> events = Uart.Parse(bad + "\r\n");
        Assert.Empty(events.Records());
        Assert.StartsWith("damaged record", Assert.Single(events.Corrupt()).Reason);
    }

    [Fact]
    public void TruncatedLastLineIsCorruptAsTruncated()
    {
        string record = Uart.Result(1);
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\n" + record.Substring(0, record.Length - 7));

        Assert.Single(events.Records());
        CorruptFinding finding = Assert.Single(events.Corrupt());
        Assert.Equal(2, finding.Line);
        Assert.StartsWith("truncated: the stream ended", finding.Reason);
    }

    [Fact]
    public void TruncatedInsideTheHeaderIsTruncated()
    {
        Assert.StartsWith("truncated", Assert.Single(Uart.Parse("@@KS1 42 01ab").Corrupt()).Reason);
        Assert.StartsWith("truncated", Assert.Single(Uart.Parse("@@KS1 42").Corrupt()).Reason);
    }

    [Fact]
    public void CompleteLastLineWithoutNewlineIsStillTrusted()
    {
        UartRecord record = Assert.Single(Uart.Parse(Uart.Boot()).Records());
        Assert.Equal("boot", record.Type);
    }

    [Fact]
    public void BadRecordBetweenGoodOnesTakesNoNeighbourWithIt()
    {
        string bad = Uart.Result(1).Replace("memory", "memorX");
        string text = Uart.Boot() + "\r\n" + bad + "\r\n" + Uart.Result(2) + "\r\n";

        List<UartEvent> events = Uart.Parse(text);

        Assert.Equal(new long[] { 0, 2 }, events.Records().Select(r => r.Seq));
        CorruptFinding finding = Assert.Single(events.Corrupt());
        Assert.Equal(2, finding.Line);
        Assert.StartsWith("crc mismatch", finding.Reason);
    }

    [Fact]
    public void BadAndGoodRecordOnOneLineAreSeparated()
    {
        string bad = Uart.Result(1).Replace("memory", "memorX");
        string truncated = Uart.Result(2).Substring(0, 30);
        string text = Uart.Boot() + bad + truncated + Uart.Result(3) + "\r\n";

        List<UartEvent> events = Uart.Parse(text);

        Assert.Equal(new long[] { 0, 3 }, events.Records().Select(r => r.Seq));
        List<CorruptFinding> corrupt = events.Corrupt();
        Assert.Equal(2, corrupt.Count);
        Assert.StartsWith("crc mismatch", corrupt[0].Reason);
        Assert.StartsWith("length mismatch", corrupt[1].Reason);
    }

    [Fact]
    public void SeqGapNotExplainedByCorruptRecordsIsAFinding()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\n" + Uart.Result(1) + "\r\n" + Uart.Result(4) + "\r\n");

        Assert.Equal(3, events.Records().Count);
        CorruptFinding finding = Assert.Single(events.Corrupt());
        Assert.Equal(3, finding.Line);
        Assert.Equal("seq gap: 2 record(s) missing between seq 1 and 4, none of them seen as corrupt", finding.Reason);
    }

    [Fact]
    public void SeqGapPartlyExplainedIsStillAFinding()
    {
        string bad = Uart.Result(1).Replace("memory", "memorX");
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\n" + bad + "\r\n" + Uart.Result(3) + "\r\n");
        List<CorruptFinding> corrupt = events.Corrupt();
        Assert.Equal(2, corrupt.Count);
        Assert.Equal("seq gap: 2 record(s) missing between seq 0 and 3, only 1 of them seen as corrupt", corrupt[1].Reason);
    }

    [Fact]
    public void RepeatedAndBackwardSeqsAreFindings()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\n" + Uart.Result(1) + "\r\n" + Uart.Result(1) + "\r\n" + Uart.Result(0) + "\r\n");
        Assert.Equal(4, events.Records().Count);
        Assert.Equal(
            new[] { "seq 1 repeated: a duplicate record", "seq went backwards: 0 after 1" },
            events.Corrupt().Select(c => c.Reason));
    }

    [Fact]
    public void SecondBootRecordIsAFinding()
    {
        List<UartEvent> events = Uart.Parse(Uart.Boot() + "\r\n" + Uart.Result(1) + "\r\n" + Uart.Boot() + "\r\n");
        Assert.StartsWith("the kernel booted again", Assert.Single(events.Corrupt()).Reason);
    }

    [Fact]
    public void BootRecordMustHaveSeqZero()
    {
        Assert.Equal("the boot record has seq 5, expected 0", Assert.Single(Uart.Parse(Uart.Boot(5) + "\r\n").Corrupt()).Reason);
    }

    [Fact]
    public void CrLfAnsiAndNulNoiseIsCleanedFromLines()
    {
        string text = "\0\0\xff\r\n\x1b[1;32mKernelStress\x1b[0m booting\r\r\n\x1b]0;title\u0007done\0\r\n";
        List<LineReceived> lines = Uart.Parse(Encoding.Latin1.GetBytes(text)).Lines();

        Assert.Equal(3, lines.Count);
        Assert.Equal("KernelStress booting", lines[1].Text);
        Assert.Equal("done", lines[2].Text);
    }

    [Fact]
    public void EscapeSequencesAndNulsInsideARecordDoNotBreakIt()
    {
        string record = Uart.Result(0);
        string noisy = record.Substring(0, 20) + "\x1b[0m\0" + record.Substring(20, 15) + "\0\0" + record.Substring(35);
        List<UartEvent> events = Uart.Parse("\x1b[33m" + noisy + "\r\n");
        Assert.Single(events.Records());
        Assert.Empty(events.Corrupt());
    }

    [Fact]
    public void VisibleGarbageInsideARecordMakesItCorrupt()
    {
        string record = Uart.Result(0);
        string noisy = record.Substring(0, 40) + "#" + record.Substring(40);
        List<UartEvent> events = Uart.Parse(noisy + "\r\n");
        Assert.Empty(events.Records());
        Assert.StartsWith("length mismatch", Assert.Single(events.Corrupt()).Reason);
    }

    [Fact]
    public void UnterminatedEscapeDoesNotSwallowTheNextLine()
    {
        List<UartEvent> events = Uart.Parse("noise \x1b[12;\r\n" + Uart.Boot() + "\r\n");
        Assert.Single(events.Records());
    }

    [Fact]
    public void FeedingByteByByteGivesTheSameEventsAsOneChunk()
    {
        string bad = Uart.Result(2).Replace("memory", "memorX");
        string text = "noise\0\x1b[0m\r\n" + Uart.Boot() + "\r\nks> help\r\nerror: x\r\nks> " + Uart.Result(1) + bad + "\r\n" + Uart.Result(3).Substring(0, 25);
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        List<UartEvent> whole = Uart.Parse(bytes);
        List<UartEvent> bytewise = Uart.Parse(bytes, chunk: 1);
        List<UartEvent> odd = Uart.Parse(bytes, chunk: 7);

        Assert.Equal(whole.Select(Describe), bytewise.Select(Describe));
        Assert.Equal(whole.Select(Describe), odd.Select(Describe));
    }

    [Fact]
    public void PromptIsReportedWhenItArrivesWithoutNewline()
    {
        var parser = new UartStreamParser();
        Assert.Empty(parser.Feed(Encoding.ASCII.GetBytes("ks")).OfType<PromptShown>());
        PromptShown prompt = Assert.Single(parser.Feed(Encoding.ASCII.GetBytes("> ")).OfType<PromptShown>());
        Assert.Equal(1, prompt.Line);
        Assert.Empty(parser.Feed(Encoding.ASCII.GetBytes("help")).OfType<PromptShown>());
        LineReceived echo = Assert.Single(parser.Feed(Encoding.ASCII.GetBytes("\r\n")).OfType<LineReceived>());
        Assert.True(echo.IsEcho);
        Assert.Equal("help", echo.EchoedCommand);
    }

    [Fact]
    public void PromptAfterNulOrEscapeIsStillThePrompt()
    {
        List<UartEvent> events = Uart.Parse("boot\r\n\0\x1b[0mks> ");
        Assert.Single(events.OfType<PromptShown>());
        Assert.Single(events.Lines());
    }

    [Fact]
    public void PromptInTheMiddleOfALineIsNotThePrompt()
    {
        Assert.Empty(Uart.Parse("type ks> to start\r\n").OfType<PromptShown>());
    }

    [Fact]
    public void ErrorLinesAreRecognised()
    {
        List<LineReceived> lines = Uart.Parse("error: unknown command 'frob'\r\nks> error: late\r\nno error: here\r\n").Lines();
        Assert.Equal("error: unknown command 'frob'", lines[0].Error);
        Assert.Equal("error: late", lines[1].Error);
        Assert.Null(lines[2].Error);
    }

    [Fact]
    public void LineNumbersCountNewlines()
    {
        List<UartEvent> events = Uart.Parse("a\nb\r\n\r\n" + Uart.Boot() + "\n");
        Assert.Equal(4, events.Records()[0].Line);
        Assert.Equal(new[] { 1, 2, 3, 4 }, events.Lines().Select(l => l.Line));
    }

    [Fact]
    public void FinalPromptIsNotALine()
    {
        Assert.Empty(Uart.Parse("ks> ").Lines());
        Assert.Equal("ks> he", Assert.Single(Uart.Parse("ks> he").Lines()).Text);
    }

    private static string Describe(UartEvent e) => e switch
    {
        LineReceived l => $"line {l.Line} {l.Text}",
        RecordReceived r => $"record {r.Line} {r.Record.Seq}",
        CorruptFound c => $"corrupt {c.Line} {c.Finding.Reason}",
        PromptShown p => $"prompt {p.Line}",
        _ => e.ToString()!,
    };
}
