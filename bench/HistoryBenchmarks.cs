// The history and compare on sessions of the size a long stress run gives: storing
// one session of 10,000 records (progress records and ~900 results with their
// histograms, from SyntheticUartLog) in a SQLite file, one write transaction as
// run does; and comparing two sides of 50 sessions each (every metric: medians,
// Hodges-Lehmann interval, Mann-Whitney U). Targets: 200 ms and 1 s.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using KernelStress.Tool.Uart;
using KernelStress.Tool.Comparing;
using KernelStress.Tool.History;
using KernelStress.Tool.Reports;

namespace KernelStress.Bench;

[MemoryDiagnoser, MinColumn, MaxColumn]
public class HistoryBenchmarks
{
    private string _dir = "";
    private HistoryDatabase? _database;
    private RunReport _session = null!;
    private List<SessionSample> _base = new(), _new = new();

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("kstress-bench-history").FullName;
        _database = HistoryDatabase.Open(HistoryLocation.Resolve(Path.Combine(_dir, "history.db")), create: true);
        for (int bytes = 2 << 20; ; bytes += 256 << 10)
        {
            _session = Parse(SyntheticUartLog.Build(bytes));
            if (_session.Records.Count >= 10_000)
            {
                break;
            }
        }
        Console.WriteLine($"// session: {_session.Records.Count} records, {_session.Results.Count} results");
        RunReport small = Parse(SyntheticUartLog.Build(64 << 10));
        SessionSample template = SessionSample.From(new LoadedRun("bench", small));
        var random = new Random(50);
        _base = Enumerable.Range(0, 50).Select(_ => Jitter(template, random, 1.0)).ToList();
        _new = Enumerable.Range(0, 50).Select(_ => Jitter(template, random, 1.1)).ToList();
        Console.WriteLine($"// compare: 50 vs 50 sessions of {template.Values.Count} figures each");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public long StoreSessionOf10000Records() =>
        HistoryWriter.Record(_database!, new RunFacts { Verb = "run", StartedUtc = DateTimeOffset.UtcNow, Arch = "x64" }, [_session]);

    [Benchmark]
    public int CompareTwoSidesOf50Sessions() =>
        Comparison.Compare(_base, _new, new CompareSettings(0.05, 0.05, CompareSettings.DefaultGates)).Count;

    private static RunReport Parse(byte[] log) => UartLog.ParseAsync(new MemoryStream(log), CancellationToken.None).GetAwaiter().GetResult();

    private static SessionSample Jitter(SessionSample template, Random random, double factor) =>
        template with { Values = template.Values.ToDictionary(p => p.Key, p => p.Value * factor * (1 + 0.05 * (random.NextDouble() - 0.5))) };
}
