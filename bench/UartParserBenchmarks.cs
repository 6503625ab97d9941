// Throughput of the host tool's UART parser (tools/kstress/Uart): a synthetic
// 8 MiB log shaped like a stress session (human lines with CRLF and a few ANSI
// colour codes, progress records, result records with full histograms, a few
// corrupt frames), fed in 64 KiB chunks as `parse` reads a file. Parser alone,
// and parser + report builder (what `kstress parse` does before writing).
// MB/s = LogBytes / mean time; the figure for issue #6 (target >= 200 MB/s).
using System;
using System.IO;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using KernelStress.Tool.Commands;
using KernelStress.Tool.Uart;

namespace KernelStress.Bench;

[MemoryDiagnoser]
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
        ParseCommand.ParseAsync(new MemoryStream(_log, writable: false), CancellationToken.None).GetAwaiter().GetResult().Records.Count;
}
