using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The history and compare on the real image in real QEMU: two `run --repeat 3` invocations with the
/// same seed both land in a temp history and list there, compare as same (by file and by
/// selector), and the second with its latencies scaled by 1.5 regresses the p99 gate in the paired
/// comparison (exit 1).
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
    public async Task TwoRunsOfTheSameSeedAreStoredAndCompareAsSameAndScaledLatenciesRegress()
    {
        string db = Path.Combine(_dir, "history.db");
        string first = Path.Combine(_dir, "first.json"), second = Path.Combine(_dir, "second.json");
        foreach (string json in new[] { first, second })
        {
            (int code, _, string stdErr) = await HistoryStoreTests.Invoke("run", "--no-build", "-q", "--repeat", "3", "--seed", "4242", "-c", Command, "--json", json, "--history", db);
            Assert.True(code == (int)ExitCode.Pass, stdErr);
            Assert.Contains("kstress: history: stored as run", stdErr);
        }

        (int listCode, string list, string listErr) = await HistoryStoreTests.Invoke("history", "--history", db);
        Assert.True(listCode == (int)ExitCode.Pass, listErr);
        Assert.Contains("kstress: history: 2 run(s) listed", listErr);
        Assert.Equal(2, list.Split("3 PASS").Length - 1);
        (int showCode, string show, _) = await HistoryStoreTests.Invoke("history", "show", "2", "--history", db);
        Assert.Equal((int)ExitCode.Pass, showCode);
        Assert.Contains("image ", show);
        Assert.Contains("QEMU emulator version", show);

        (int same, string table, string sameErr) = await HistoryStoreTests.Invoke("compare", first, second);
        Assert.True(same == (int)ExitCode.Pass, sameErr + table);
        (int bySelector, _, string selectorErr) = await HistoryStoreTests.Invoke("compare", "last~1", "last", "--history", db);
        Assert.True(bySelector == (int)ExitCode.Pass, selectorErr);

        // Same-seed replays pair up: every pair 1.5 times slower is a regression even where the
        // sessions' own spread (on a shared machine, p99 varies by 2x) hides it from the unpaired test.
        string slow = CompareCommandTests.ScaleLatencies(second, 1.5, Path.Combine(_dir, "slow.json"));
        (int regressed, _, string regressedErr) = await HistoryStoreTests.Invoke("compare", second, slow, "--paired");
        Assert.True(regressed == (int)ExitCode.TestFailure, regressedErr);
        Assert.Contains("kstress: compare: REGRESSED: memory p99_ns", regressedErr);
    }
}
