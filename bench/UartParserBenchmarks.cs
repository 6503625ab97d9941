// Throughput of the host tool's UART parser (tools/kstress/Uart): a synthetic
// 8 MiB log shaped like a stress session (human lines with CRLF and a few ANSI
// colour codes, progress records, result records with full histograms, a few
// corrupt frames), fed in 64 KiB chunks as `parse` reads a file. Parser alone,
// and parser + report builder (what `kstress parse` does before writing), next to
// the baseline: the obvious parser (read lines as text, check each frame's CRC,
// parse its JSON into a JsonDocument for type and seq).
// MB/s = LogBytes / mean time; the figure for issue #6 (target >= 200 MB/s).
using System;
using System.IO;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Threading;
using BenchmarkDotNet.Attributes;
using KernelStress.Tool.Uart;

namespace KernelStress.Bench;

[MemoryDiagnoser, MinColumn, MaxColumn]
public class UartParserBenchmarks
{
    private const int ChunkSize = 64 * 1024;
    private byte[] _log = Array.Empty<byte>();

    /// <summary>Bytes per invocation, for the MB/s figure.</summary>
    public static int LogBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = SyntheticUartLog.Build(8 * 1024 * 1024);
        LogBytes = _log.Length;
        Console.WriteLine($"// synthetic UART log: {_log.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int LineReaderWithJsonDocument()
    {
        using var reader = new StreamReader(new MemoryStream(_log, writable: false), Encoding.UTF8, false, ChunkSize);
        int records = 0;
        while (reader.ReadLine() is { } line)
        {
            int marker = line.IndexOf("@@KS1 ", StringComparison.Ordinal);
            string[] header = marker < 0 ? [] : line.Substring(marker + 6).Split(' ', 3);
            if (header.Length < 3 || !int.TryParse(header[0], out int length) || !uint.TryParse(header[1], System.Globalization.NumberStyles.HexNumber, null, out uint crc))
            {
                continue;
            }
            byte[] json = Encoding.UTF8.GetBytes(header[2].TrimEnd());
            if (json.Length != length || Crc32.HashToUInt32(json) != crc)
            {
                continue;
            }
            using JsonDocument document = JsonDocument.Parse(json);
            records += document.RootElement.GetProperty("type").GetString()!.Length > 0 && document.RootElement.GetProperty("seq").GetInt64() >= 0 ? 1 : 0;
        }
        return records;
    }

    [Benchmark]
    public int ParserOnly()
    {
        var parser = new UartStreamParser();
        int events = 0;
        for (int i = 0; i < _log.Length; i += ChunkSize)
        {
            events += parser.Feed(_log.AsSpan(i, Math.Min(ChunkSize, _log.Length - i))).Count;
        }
        return events + parser.Complete().Count;
    }

    [Benchmark]
    public int ParseToReport() =>
        UartLog.ParseAsync(new MemoryStream(_log, writable: false), CancellationToken.None).GetAwaiter().GetResult().Records.Count;
}
