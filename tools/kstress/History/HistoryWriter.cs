using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.History;

/// <summary>
/// Stores one invocation (its facts and every session, command, result and metric) in one write
/// transaction, so a session is either wholly in the history or not at all, and concurrent
/// writers each wait their turn for the lock.
/// </summary>
public static partial class HistoryWriter
{
    /// <summary>Returns the new run's id.</summary>
    public static long Record(HistoryDatabase database, RunFacts facts, IReadOnlyList<RunReport> sessions) => database.Guard(() =>
    {
        using DbTransaction transaction = database.BeginWrite();
        long runId = InsertReturningId(database, transaction, "runs", new (string, object?)[]
        {
            ("started_utc", facts.StartedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
            ("verb", facts.Verb), ("source", facts.Source),
            ("git_commit", facts.GitCommit), ("git_dirty", facts.GitDirty is bool dirty ? (dirty ? 1 : 0) : null),
            ("image_sha256", facts.ImageSha256), ("image_bytes", facts.ImageBytes),
            ("arch", facts.Arch), ("board", facts.Board), ("smp", facts.Smp), ("memory_mb", facts.MemoryMb),
            ("qemu_version", facts.QemuVersion), ("host_name", facts.HostName), ("cpu_model", facts.CpuModel),
        });
        using var commands = new Insert(database, transaction, "commands", "session_id", "ordinal", "command", "seed", "verdict", "errors", "duration_ms");
        using var metrics = new Insert(database, transaction, "metrics", "result_id", "name", "value");
        for (int s = 0; s < sessions.Count; s++)
        {
            RunReport report = sessions[s];
            long sessionId = InsertReturningId(database, transaction, "sessions", new (string, object?)[]
            {
                ("run_id", runId), ("ordinal", s + 1), ("verdict", VerdictText(report.Verdict)), ("error", report.Error),
                ("boot_ms", report.BootMs), ("seed", report.Seed?.ToString(CultureInfo.InvariantCulture)),
                ("qemu_exit_code", report.QemuExitCode), ("record_count", report.Records.Count), ("corrupt_count", report.Corrupt.Count),
            });
            for (int c = 0; c < report.Commands.Count; c++)
            {
                CommandOutcome command = report.Commands[c];
                commands.Run(sessionId, c + 1, command.Command, SeedOf(command.Command), CommandVerdict(command),
                    command.Errors.Count > 0 ? string.Join("\n", command.Errors) : null, command.DurationMs);
            }
            int ordinal = 0;
            foreach ((string key, ResultRecord result) in Variability.Keyed(report))
            {
                long resultId = InsertReturningId(database, transaction, "results", new (string, object?)[]
                {
                    ("session_id", sessionId), ("ordinal", ++ordinal), ("name", key), ("test", result.Test), ("args", result.Args),
                    ("seed", result.Seed?.ToString(CultureInfo.InvariantCulture)), ("verdict", result.Verdict),
                });
                foreach ((string name, double value) in StoredMetrics.Of(result))
                {
                    metrics.Run(resultId, name, value);
                }
            }
        }
        commands.Flush();
        metrics.Flush();
        transaction.Commit();
        return runId;
    });

    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        Verdict.Hang => "HANG",
        _ => "ERROR",
    };

    /// <summary>FAIL for an error line or a FAIL record while it ran, ERROR when its prompt never came back.</summary>
    private static string CommandVerdict(CommandOutcome command) =>
        command.Errors.Count > 0 || command.Records.Any(r => r.Body.TryGetProperty("verdict", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String && v.GetString() == "FAIL")
            ? "FAIL"
            : command.Answered ? "PASS" : "ERROR";

    private static string? SeedOf(string command) => SeedFlag().Match(command) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"--seed\s+(\d+)")]
    private static partial Regex SeedFlag();

    private static long InsertReturningId(HistoryDatabase database, DbTransaction transaction, string table, (string Column, object? Value)[] values)
    {
        using DbCommand command = database.Command(
            $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) VALUES ({string.Join(", ", values.Select(v => "@" + v.Column))}) RETURNING id",
            transaction);
        foreach ((string column, object? value) in values)
        {
            HistoryDatabase.AddParameter(command, column, value);
        }
        return System.Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Rows for one table gathered and sent as multi-row INSERTs of up to <see cref="BatchRows"/>
    /// rows (the bulk of a session: its commands and metrics), far fewer statements than one per row.
    /// </summary>
    private sealed class Insert : System.IDisposable
    {
        private const int BatchRows = 250;

        private readonly HistoryDatabase _database;
        private readonly DbTransaction _transaction;
        private readonly string _table;
        private readonly string[] _columns;
        private readonly List<object?[]> _rows = new();
        private DbCommand? _full;

        public Insert(HistoryDatabase database, DbTransaction transaction, string table, params string[] columns)
        {
            _database = database;
            _transaction = transaction;
            _table = table;
            _columns = columns;
        }

        public void Run(params object?[] values)
        {
            _rows.Add(values);
            if (_rows.Count == BatchRows)
            {
                Flush();
            }
        }

        public void Flush()
        {
            if (_rows.Count == 0)
            {
                return;
            }
            DbCommand command = _rows.Count == BatchRows ? _full ??= Statement(BatchRows) : Statement(_rows.Count);
            for (int r = 0; r < _rows.Count; r++)
            {
                for (int c = 0; c < _columns.Length; c++)
                {
                    command.Parameters[r * _columns.Length + c].Value = _rows[r][c] ?? System.DBNull.Value;
                }
            }
            command.ExecuteNonQuery();
            if (command != _full)
            {
                command.Dispose();
            }
            _rows.Clear();
        }

        private DbCommand Statement(int rows)
        {
            var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", _columns.Select((_, c) => $"@p{r * _columns.Length + c}")) + ")");
            DbCommand command = _database.Command($"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES {string.Join(", ", values)}", _transaction);
            for (int i = 0; i < rows * _columns.Length; i++)
            {
                HistoryDatabase.AddParameter(command, $"p{i}", null);
            }
            return command;
        }

        public void Dispose() => _full?.Dispose();
    }
}
