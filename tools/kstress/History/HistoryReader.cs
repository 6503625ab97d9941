using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;

namespace KernelStress.Tool.History;

/// <summary>One stored invocation, as the history table lists it.</summary>
public sealed record StoredRun(
    long Id, string StartedUtc, string Verb, string? Source, string? GitCommit, bool? GitDirty, string? ImageSha256, long? ImageBytes,
    string? Arch, string? Board, int? Smp, int? MemoryMb, string? QemuVersion, string? HostName, string? CpuModel)
{
    /// <summary>The first 10 hex digits, with "+" when the tree had uncommitted changes; "-" when unknown.</summary>
    public string ShortCommit => GitCommit is null ? "-" : GitCommit[..Math.Min(10, GitCommit.Length)] + (GitDirty == true ? "+" : "");
}

/// <summary>Which runs to list: the newest <see cref="Last"/> that match every filter given.</summary>
public sealed record RunFilter(int Last, string? CommandPattern = null, string? Commit = null, string? Arch = null);

/// <summary>The queries behind history and compare, in SQL both SQLite and PostgreSQL run.</summary>
public sealed class HistoryReader
{
    private const string RunColumns = "id, started_utc, verb, source, git_commit, git_dirty, image_sha256, image_bytes, arch, board, smp, memory_mb, qemu_version, host_name, cpu_model";

    private readonly HistoryDatabase _database;

    public HistoryReader(HistoryDatabase database)
    {
        _database = database;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<StoredRun> Runs(RunFilter filter) => _database.Guard(() =>
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.CommandPattern is { } pattern)
        {
            where.Add("EXISTS (SELECT 1 FROM sessions s JOIN commands c ON c.session_id = s.id WHERE s.run_id = runs.id AND c.command LIKE @pattern ESCAPE '\\')");
            parameters.Add(("pattern", Like(pattern)));
        }
        if (filter.Commit is { } commit)
        {
            where.Add("git_commit LIKE @commit");
            parameters.Add(("commit", Git.ResolveCommit(commit) + "%"));
        }
        if (filter.Arch is { } arch)
        {
            where.Add("arch = @arch");
            parameters.Add(("arch", arch));
        }
        parameters.Add(("last", filter.Last));
        string sql = $"SELECT {RunColumns} FROM runs{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY id DESC LIMIT @last";
        return Query(sql, parameters, ReadRun);
    });

    public StoredRun? Run(long id) => _database.Guard(() =>
        Query($"SELECT {RunColumns} FROM runs WHERE id = @id", [("id", id)], ReadRun).FirstOrDefault());

    /// <summary>The run <paramref name="back"/> places before the newest (0: the newest).</summary>
    public StoredRun? Latest(int back) => _database.Guard(() =>
        Query($"SELECT {RunColumns} FROM runs ORDER BY id DESC LIMIT 1 OFFSET @back", [("back", back)], ReadRun).FirstOrDefault());

    /// <summary>(id, ordinal, verdict, error, boot_ms, seed, corrupt_count) of a run's sessions, in order.</summary>
    public IReadOnlyList<StoredSession> Sessions(long runId) => _database.Guard(() =>
        Query("SELECT id, ordinal, verdict, error, boot_ms, seed, record_count, corrupt_count FROM sessions WHERE run_id = @run ORDER BY ordinal", [("run", runId)],
            r => new StoredSession(r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), Text(r, 3), Long(r, 4), Text(r, 5),
                Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture))));

    public IReadOnlyList<StoredCommand> Commands(long sessionId) => _database.Guard(() =>
        Query("SELECT command, seed, verdict, errors, duration_ms FROM commands WHERE session_id = @session ORDER BY ordinal", [("session", sessionId)],
            r => new StoredCommand(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), Long(r, 4))));

    /// <summary>Every session of these runs as a sample: its verdict, seed and figures.</summary>
    public IReadOnlyList<SessionSample> Samples(IEnumerable<StoredRun> runs) => _database.Guard(() =>
    {
        var samples = new List<SessionSample>();
        foreach (StoredRun run in runs)
        {
            foreach (StoredSession session in Sessions(run.Id))
            {
                var values = new Dictionary<(string, string), double>();
                foreach ((string result, string metric, double value) in Query(
                    "SELECT r.name, m.name, m.value FROM results r JOIN metrics m ON m.result_id = r.id WHERE r.session_id = @session ORDER BY r.ordinal",
                    [("session", session.Id)], r => (r.GetString(0), r.GetString(1), r.GetDouble(2))))
                {
                    values.TryAdd((result, metric), value);
                }
                if (session.BootMs is long boot)
                {
                    values[(StoredMetrics.SessionResult, "boot_ms")] = boot;
                }
                values[(StoredMetrics.SessionResult, "corrupt")] = session.CorruptCount;
                samples.Add(new SessionSample($"run {run.Id} session {session.Ordinal}", session.Verdict, session.Seed, values));
            }
        }
        return samples;
    });

    /// <summary>The runs at a commit (a prefix of its hash), oldest first.</summary>
    public IReadOnlyList<StoredRun> AtCommit(string commitPrefix) => _database.Guard(() =>
        Query($"SELECT {RunColumns} FROM runs WHERE git_commit LIKE @commit ORDER BY id", [("commit", commitPrefix + "%")], ReadRun));

    /// <summary>A glob (* and ?) as a LIKE pattern; a pattern without wildcards matches anywhere in the command.</summary>
    private static string Like(string glob)
    {
        string like = glob.Replace("%", "\\%").Replace("_", "\\_").Replace('*', '%').Replace('?', '_');
        return glob.IndexOfAny(['*', '?']) >= 0 ? like : "%" + like + "%";
    }

    private List<T> Query<T>(string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> read)
    {
        using DbCommand command = _database.Command(sql);
        foreach ((string name, object? value) in parameters)
        {
            HistoryDatabase.AddParameter(command, name, value);
        }
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static StoredRun ReadRun(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Long(r, 5) is long dirty ? dirty != 0 : null, Text(r, 6), Long(r, 7),
        Text(r, 8), Text(r, 9), (int?)Long(r, 10), (int?)Long(r, 11), Text(r, 12), Text(r, 13), Text(r, 14));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
}

public sealed record StoredSession(long Id, int Ordinal, string Verdict, string? Error, long? BootMs, string? Seed, int RecordCount, int CorruptCount);

public sealed record StoredCommand(string Command, string? Seed, string Verdict, string? Errors, long? DurationMs);
