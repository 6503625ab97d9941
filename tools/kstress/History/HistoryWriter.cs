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
        using var results = new Insert(database, transaction, "results", true, "session_id", "ordinal", "name", "test", "args", "seed", "verdict");
        using var commands = new Insert(database, transaction, "commands", false, "session_id", "ordinal", "command", "seed", "verdict", "errors", "duration_ms");
        using var metrics = new Insert(database, transaction, "metrics", false, "result_id", "name", "value");
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
                long resultId = results.Run(sessionId, ++ordinal, key, result.Test, result.Args, result.Seed?.ToString(CultureInfo.InvariantCulture), result.Verdict);
                foreach ((string name, double value) in StoredMetrics.Of(result))
                {
                    metrics.Run(resultId, name, value);
                }
            }
        }
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

    /// <summary>One prepared INSERT run many times with new values (the bulk of a session's rows: its commands and metrics).</summary>
    private sealed class Insert : System.IDisposable
    {
        private readonly DbCommand _command;

        /// <param name="returningId">Run returns the new row's id (tables with an id key).</param>
        public Insert(HistoryDatabase database, DbTransaction transaction, string table, bool returningId, params string[] columns)
        {
            _command = database.Command($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}){(returningId ? " RETURNING id" : "")}", transaction);
            foreach (string column in columns)
            {
                HistoryDatabase.AddParameter(_command, column, null);
            }
        }

        public long Run(params object?[] values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? System.DBNull.Value;
            }
            return System.Convert.ToInt64(_command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }

        public void Dispose() => _command.Dispose();
    }
}
