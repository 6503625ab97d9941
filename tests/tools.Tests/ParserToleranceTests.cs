using System.Collections.Generic;
using System.Linq;
using System.Text;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>Tolerance cases beyond UartStreamParserTests: binary noise before boot, interleaved writers, CRLF split across reads, long lines.</summary>
public class ParserToleranceTests
{
    [Fact]
    public void BinaryNoiseBeforeBootIsALineNotARecord()
    {
        byte[] noise = { 0xFF, 0xFE, 0x00, 0x80, 0x1B, 0x5B, 0x3F, 0x32, 0x35, 0x6C, 0xC3, 0x28, 0x07 };
        byte[] log = noise.Concat(Encoding.UTF8.GetBytes("\r\n" + Uart.Boot() + "\r\nks> ")).ToArray();

        List<UartEvent> events = Uart.Parse(log);

        Assert.Equal("boot", Assert.Single(events.Records()).Type);
        Assert.Equal(2, events.Records()[0].Line);
        Assert.Empty(events.Corrupt());
        Assert.Single(events.OfType<PromptShown>());
    }

    [Fact]
    public void ALineFromAnotherWriterInsideARecordCostsOnlyThatRecord()
    {
        string good1 = Uart.Result(1), victim = Uart.Result(2), good3 = Uart.Result(3);
        string log = Uart.Boot() + "\r\n" + good1 + "\r\n" + victim.Insert(30, "\r\n[firmware] link up\r\n") + "\r\n" + good3 + "\r\n";

        List<UartEvent> events = Uart.Parse(log);

        Assert.Equal(new long[] { 0, 1, 3 }, events.Records().Select(r => r.Seq));
        Assert.Contains(events.Lines(), l => l.Text == "[firmware] link up");
        CorruptFinding finding = events.Corrupt().First();
        Assert.Equal(3, finding.Line);
        Assert.StartsWith("length mismatch", finding.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(64)]
    public void CrLfSplitAcrossReadsGivesTheSameLines(int chunk)
    {
        string log = Uart.Boot() + "\r\nhello\r\n\r\n" + Uart.Result(1) + "\r\nks> ";
        Assert.Equal(
            Uart.Parse(log).Select(e => e.ToString()),
            Uart.Parse(Encoding.UTF8.GetBytes(log), chunk).Select(e => e.ToString()));
    }

    [Fact]
    public void RecordsLongerThanTheLineBufferSurviveSmallReads()
    {
        string big = "{\"type\":\"result\",\"seq\":1,\"test\":\"memory\",\"blob\":\"" + new string('x', 20000) + "\"}";
        List<UartEvent> events = Uart.Parse(Encoding.UTF8.GetBytes(Uart.Boot() + "\r\n" + Uart.Record(big) + "\r\n"), chunk: 333);
        Assert.Equal(big, events.Records()[1].Json);
    }

    [Fact]
    public void EmptyLinesAreLinesWithTheirNumbers()
    {
        List<LineReceived> lines = Uart.Parse("a\n\n\r\nb\n").Lines();
        Assert.Equal(new[] { "a", "", "", "b" }, lines.Select(l => l.Text));
        Assert.Equal(new[] { 1, 2, 3, 4 }, lines.Select(l => l.Line));
    }
}
