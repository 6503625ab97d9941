using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.History;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The same history on a real PostgreSQL server (a private cluster, see <see cref="PostgresCluster"/>):
/// the schema migrates once however many clients open it at once, parse stores into it, history
/// lists and compare reads from it, and four processes writing at once lose nothing.
/// </summary>
public sealed class HistoryPostgresTests : IClassFixture<PostgresCluster>, IDisposable
{
    private readonly PostgresCluster _server;
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-history-pg").FullName;

    public HistoryPostgresTests(PostgresCluster server)
    {
        _server = server;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Url
    {
        get
        {
            Assert.True(_server.Url.Length > 0, "the PostgreSQL server did not start: .ci/run installs Debian's postgresql package");
            return _server.Url;
        }
    }

    [PostgresFact]
    public async Task ParseStoresIntoPostgresAndHistoryAndCompareReadIt()
    {
        string log = Path.Combine(_dir, "uart.log");
        File.WriteAllText(log, ReportLogs.StressSession(11, 9000));
        (int code, _, string stdErr) = await HistoryStoreTests.Invoke("parse", log, "-o", Path.Combine(_dir, "o.json"), "--history", Url);
        Assert.True(code == (int)ExitCode.Pass, stdErr);
        Assert.Matches(@"kstress: history: stored as run \d+ in postgresql://", stdErr);
        (code, _, stdErr) = await HistoryStoreTests.Invoke("parse", log, "-o", Path.Combine(_dir, "o.json"), "--history", Url);
        Assert.True(code == (int)ExitCode.Pass, stdErr);

        (int listCode, string list, string listErr) = await HistoryStoreTests.Invoke("history", "--command", "stresstest memory*", "--history", Url);
        Assert.True(listCode == (int)ExitCode.Pass, listErr);
        Assert.Contains("--seed 11", list);
        (int compareCode, string table, string compareErr) = await HistoryStoreTests.Invoke("compare", "last~1", "last", "--history", Url);
        Assert.True(compareCode == (int)ExitCode.Pass, compareErr);
        Assert.Contains("throughput (gate)", table);
        Assert.Contains("0 regressed", compareErr);
    }

    [PostgresFact]
    public async Task FourProcessesWritingAtOnceLoseNoSession()
    {
        string log = Path.Combine(_dir, "uart.log");
        File.WriteAllText(log, ReportLogs.StressSession(77, 9000));
        long before = Count();
        Process[] writers = Enumerable.Range(0, 4).Select(w => HistoryStoreTests.Start("bash", "-c", string.Join(" && ", Enumerable.Range(0, 3).Select(i =>
            $"dotnet {HistoryStoreTests.Quote(HistoryStoreTests.KstressDll)} parse {HistoryStoreTests.Quote(log)} -o {HistoryStoreTests.Quote(Path.Combine(_dir, $"out-{w}-{i}.json"))} --history {Url}")))).ToArray();
        foreach (Process writer in writers)
        {
            string err = await writer.StandardError.ReadToEndAsync();
            await writer.WaitForExitAsync();
            Assert.True(writer.ExitCode == 0, err);
            Assert.DoesNotContain("error", err);
        }
        Assert.Equal(before + 12, Count());
    }

    private long Count()
    {
        using HistoryDatabase database = HistoryDatabase.Open(HistoryLocation.Resolve(Url), create: true);
        return new HistoryReader(database).Runs(new RunFilter(10_000)).Count;
    }
}
