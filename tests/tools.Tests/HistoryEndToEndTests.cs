using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The history and compare on the real image in real QEMU: six runs with the same seed land in a
/// temp history and list there; the odd runs against the even ones (interleaved, so both sides
/// see the same load on the machine) compare as same, by file and by run:ID selectors; and the same
/// sessions with their latencies scaled by 1.5 regress the p99 gate in the paired comparison (exit 1).
/// </summary>
public sealed class HistoryEndToEndTests : IClassFixture<RealImage>, System.IDisposable
{
    private const string Command = "stresstest memory --duration 1000";

    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-history-e2e").FullName;

    public HistoryEndToEndTests(RealImage image)
    {
        _ = image;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SameSeedRunsAreStoredAndCompareAsSameAndScaledLatenciesRegress()
    {
        string db = Path.Combine(_dir, "history.db");
        string[] reports = Enumerable.Range(1, 6).Select(i => Path.Combine(_dir, $"run{i}.json")).ToArray();
        foreach (string json in reports)
        {
            (int code, _, string stdErr) = await HistoryStoreTests.Invoke("run", "--no-build", "-q", "--seed", "4242", "-c", Command, "--json", json, "--history", db);
            Assert.True(code == (int)ExitCode.Pass, stdErr);
            Assert.Contains("kstress: history: stored as run", stdErr);
        }

        (int listCode, string list, string listErr) = await HistoryStoreTests.Invoke("history", "--history", db);
        Assert.True(listCode == (int)ExitCode.Pass, listErr);
        Assert.Contains("kstress: history: 6 run(s) listed", listErr);
        Assert.Equal(6, list.Split("1 PASS").Length - 1);
        (int showCode, string show, _) = await HistoryStoreTests.Invoke("history", "show", "2", "--history", db);
        Assert.Equal((int)ExitCode.Pass, showCode);
        Assert.Contains("image ", show);
        Assert.Contains("QEMU emulator version", show);

        string odd = string.Join(',', reports[0], reports[2], reports[4]), even = string.Join(',', reports[1], reports[3], reports[5]);
        (int same, string table, string sameErr) = await HistoryStoreTests.Invoke("compare", odd, even);
        Assert.True(same == (int)ExitCode.Pass, sameErr + table);
        (int bySelector, _, string selectorErr) = await HistoryStoreTests.Invoke("compare", "run:1,run:3,run:5", "run:2,run:4,run:6", "--history", db);
        Assert.True(bySelector == (int)ExitCode.Pass, selectorErr);

        // Same-seed replays pair up: every pair 1.5 times slower is a regression even where the
        // sessions' own spread (on a shared machine, p99 varies by 2x) hides it from the unpaired test.
        string slow = string.Join(',', new[] { 1, 3, 5 }.Select(i => CompareCommandTests.ScaleLatencies(reports[i], 1.5, Path.Combine(_dir, $"slow{i}.json"))));
        (int regressed, _, string regressedErr) = await HistoryStoreTests.Invoke("compare", even, slow, "--paired");
        Assert.True(regressed == (int)ExitCode.TestFailure, regressedErr);
        Assert.Contains("kstress: compare: REGRESSED: memory p99_ns", regressedErr);
    }
}
