using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.History;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The history in real SQLite files in temp directories: parse stores a session with its
/// commands, results and metrics; history lists and shows it; four processes writing at once
/// lose nothing; a damaged file, a newer schema and an unreachable server each cost one error
/// line while the verb's own output and exit code stand; --no-history stores nothing.
/// </summary>
public sealed class HistoryStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-history").FullName;

    private string Db => Path.Combine(_dir, "history.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Log(ulong seed, long p99 = 9000)
    {
        string path = Path.Combine(_dir, $"uart-{seed}-{p99}.log");
        File.WriteAllText(path, ReportLogs.StressSession(seed, p99));
        return path;
    }

    [Fact]
    public async Task ParseStoresTheSessionAndHistoryListsAndShowsIt()
    {
        string log = Log(7);
        (int code, _, string stdErr) = await Invoke("parse", log, "-o", Path.Combine(_dir, "out.json"), "--history", Db);

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.Contains($"kstress: history: stored as run 1 in {Db}", stdErr);
        using (HistoryDatabase database = HistoryDatabase.Open(HistoryLocation.Resolve(Db), create: false))
        {
            var reader = new HistoryReader(database);
            StoredRun run = Assert.Single(reader.Runs(new RunFilter(10)));
            Assert.Equal("parse", run.Verb);
            Assert.Equal("x64", run.Arch);
            Assert.Null(run.GitCommit);
            StoredSession session = Assert.Single(reader.Sessions(run.Id));
            Assert.Equal("PASS", session.Verdict);
            Assert.Equal(0, session.CorruptCount);
            Assert.Equal(new[] { "stresstest memory --seed 7", "stresstest compare memory --seed 7", "fault ud" }, reader.Commands(session.Id).Select(c => c.Command));
            Assert.Equal("7", reader.Commands(session.Id)[0].Seed);
            SessionSample sample = Assert.Single(reader.Samples([run]));
            Assert.Equal(12007, sample.Values[("memory", "ops")]);
            Assert.Equal(9000, sample.Values[("memory", "p99_ns")]);
            Assert.Equal(18000, sample.Values[("memory", "p999_ns")]);
            Assert.Equal(4500, sample.Values[("memory/level1", "p99_ns")]);
            Assert.Equal(0, sample.Values[("session", "corrupt")]);
        }

        (int listCode, string list, _) = await Invoke("history", "--history", Db);
        Assert.Equal((int)ExitCode.Pass, listCode);
        Assert.Contains("stresstest memory --seed 7", list);
        (int showCode, string show, _) = await Invoke("history", "show", "1", "--history", Db);
        Assert.Equal((int)ExitCode.Pass, showCode);
        Assert.Contains("run 1: parse", show);
        Assert.Contains("fault ud", show);
        (int trendCode, string trend, _) = await Invoke("history", "trend", "ops", "--result", "memory", "--history", Db);
        Assert.Equal((int)ExitCode.Pass, trendCode);
        Assert.Contains("12007", trend);
    }

    [Fact]
    public async Task HistoryFiltersByCommandAndLast()
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            Assert.Equal(0, (await Invoke("parse", Log(seed), "-o", Path.Combine(_dir, "o.json"), "--history", Db)).Code);
        }
        (_, string last, _) = await Invoke("history", "--last", "1", "--history", Db);
        Assert.Contains("--seed 3", last);
        Assert.DoesNotContain("--seed 2", last);
        (_, string matching, _) = await Invoke("history", "--command", "*seed 2", "--history", Db);
        Assert.Contains("--seed 2", matching);
        Assert.DoesNotContain("--seed 1", matching);
    }

    [Fact]
    public async Task NoHistoryStoresNothing()
    {
        (int code, _, string stdErr) = await Invoke("parse", Log(1), "-o", Path.Combine(_dir, "o.json"), "--history", Db, "--no-history");
        Assert.Equal((int)ExitCode.Pass, code);
        Assert.DoesNotContain("kstress: history:", stdErr);
        Assert.False(File.Exists(Db));
    }

    /// <summary>Four kstress processes, each storing five sessions as fast as it can, into one file: all twenty arrive.</summary>
    [Fact]
    public async Task FourProcessesWritingAtOnceLoseNoSession()
    {
        string log = Log(5);
        Process[] writers = Enumerable.Range(0, 4).Select(w => Start("bash", "-c", string.Join(" && ", Enumerable.Range(0, 5).Select(i =>
            $"dotnet {Quote(KstressDll)} parse {Quote(log)} -o {Quote(Path.Combine(_dir, $"out-{w}-{i}.json"))} --history {Quote(Db)}")))).ToArray();
        foreach (Process writer in writers)
        {
            string err = await writer.StandardError.ReadToEndAsync();
            await writer.WaitForExitAsync();
            Assert.True(writer.ExitCode == 0, err);
            Assert.DoesNotContain("error", err);
        }
        using HistoryDatabase database = HistoryDatabase.Open(HistoryLocation.Resolve(Db), create: false);
        var reader = new HistoryReader(database);
        Assert.Equal(20, reader.Runs(new RunFilter(100)).Count);
        Assert.Equal(20, reader.Samples(reader.Runs(new RunFilter(100))).Count(s => s.Values[("memory", "ops")] == 12005));
    }

    [Fact]
    public async Task ADamagedDatabaseIsOneErrorLineAndTheReportIsStillWritten()
    {
        File.WriteAllText(Db, "this is not a SQLite database, it is a text file that happens to sit where the history should be\n" + new string('x', 8192));
        string json = Path.Combine(_dir, "out.json");
        (int code, _, string stdErr) = await Invoke("parse", Log(3), "-o", json, "--history", Db);

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.True(File.Exists(json));
        string error = Assert.Single(Records.Lines(stdErr), l => l.StartsWith("kstress: error:", StringComparison.Ordinal));
        Assert.Contains($"history database {Db}: ", error);
        Assert.Contains("--no-history", error);
        Assert.DoesNotContain("   at ", stdErr);

        (int listCode, _, string listErr) = await Invoke("history", "--history", Db);
        Assert.Equal((int)ExitCode.Infrastructure, listCode);
        Assert.StartsWith("kstress: error: history database", listErr);
    }

    [Fact]
    public async Task ANewerSchemaIsRefusedAndLeftAlone()
    {
        Assert.Equal(0, (await Invoke("parse", Log(1), "-o", Path.Combine(_dir, "o.json"), "--history", Db)).Code);
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand bump = connection.CreateCommand();
            bump.CommandText = "UPDATE kstress_schema SET version = 99";
            bump.ExecuteNonQuery();
        }
        string log = Path.Combine(_dir, "again.log");
        File.Copy(Log(2), log);
        (int code, _, string stdErr) = await Invoke("parse", log, "-o", Path.Combine(_dir, "o2.json"), "--history", Db);

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.Contains($"kstress: error: history database {Db} is at schema version 99, newer than this kstress knows ({HistorySchema.Current})", stdErr);
        using var check = new SqliteConnection($"Data Source={Db};Pooling=False");
        check.Open();
        using SqliteCommand count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM runs";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public async Task AnUnreachableServerIsOneErrorLineAndTheExitCodeStands()
    {
        var clock = Stopwatch.StartNew();
        string json = Path.Combine(_dir, "out.json");
        (int code, _, string stdErr) = await Invoke("parse", Log(4), "-o", json, "--history", "postgresql://kstress:secret@127.0.0.1:1/history");

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.True(File.Exists(json));
        string error = Assert.Single(Records.Lines(stdErr), l => l.StartsWith("kstress: error:", StringComparison.Ordinal));
        Assert.StartsWith("kstress: error: history database postgresql://kstress:***@127.0.0.1:1/history: ", error);
        Assert.DoesNotContain("secret", stdErr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TheDefaultIsUnderTheUsersDataDirectoryAndTheVariableOverridesIt()
    {
        string? saved = Environment.GetEnvironmentVariable(HistoryLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(HistoryLocation.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine("kstress", "history.db"), HistoryLocation.Resolve(null).Target);
            Environment.SetEnvironmentVariable(HistoryLocation.EnvironmentVariable, Db);
            Assert.Equal(new HistoryLocation(HistoryBackend.Sqlite, Db), HistoryLocation.Resolve(null));
            Assert.Equal(HistoryBackend.Postgres, HistoryLocation.Resolve("postgresql://u@h/db").Backend);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HistoryLocation.EnvironmentVariable, saved);
        }
    }

    internal static string KstressDll => Path.Combine(AppContext.BaseDirectory, "kstress.dll");

    internal static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    internal static Process Start(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    internal static async Task<(int Code, string StdOut, string StdErr)> Invoke(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdOut.ToString(), stdErr.ToString());
    }
}
