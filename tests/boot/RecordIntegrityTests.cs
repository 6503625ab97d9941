using System.Collections.Generic;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using System.Text.Json;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Every record of a real session checks out (length and CRC-32), checked here independently of
/// the tool's parser, and the seqs count up from the boot record's without gaps.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RecordIntegrityTests
{
    private readonly BootedKernel _kernel;

    public RecordIntegrityTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public void ParserFoundNothingCorrupt()
    {
        Assert.Empty(_kernel.Session.Report.Corrupt);
    }

    [Fact]
    public void EveryRecordLineVerifiesByLengthAndCrc()
    {
        List<string> lines = RawLines().Where(l => l.Contains("@@KS1 ")).ToList();
        Assert.NotEmpty(lines);
        foreach (string line in lines)
        {
            string frame = line.Substring(line.IndexOf("@@KS1 "));
            string[] parts = frame.Split(' ', 4);
            byte[] json = Encoding.UTF8.GetBytes(parts[3]);

            Assert.Equal(int.Parse(parts[1]), json.Length);
            Assert.Matches("^[0-9a-f]{8}$", parts[2]);
            Assert.Equal(parts[2], Crc32.HashToUInt32(json).ToString("x8"));
            using JsonDocument document = JsonDocument.Parse(json);
            Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("type").ValueKind);
        }
        Assert.Equal(lines.Count, _kernel.Session.Report.Records.Count);
    }

    [Fact]
    public void SeqsCountUpFromTheFirstWithoutGaps()
    {
        long[] seqs = _kernel.Session.Report.Records.Select(r => r.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(0, seqs.Length).Select(i => UartStreamParser.FirstSeq + i), seqs);
    }

    [Fact]
    public void LinesEndInCrLf()
    {
        string log = Encoding.UTF8.GetString(_kernel.Session.Log);
        int lf = log.Count(c => c == '\n');
        int crlf = log.Split("\r\n").Length - 1;
        Assert.True(lf > 0);
        Assert.Equal(lf, crlf);
    }

    private IEnumerable<string> RawLines() =>
        Encoding.UTF8.GetString(_kernel.Session.Log).Split('\n').Select(l => l.TrimEnd('\r'));
}
