using System;
using System.Data.Common;
using System.IO;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KernelStress.Tool.History;

/// <summary>
/// An open history database at the current schema. SQLite runs in WAL mode with a long busy
/// timeout and writes in IMMEDIATE transactions, PostgreSQL in ordinary transactions, so several
/// kstress processes writing at once queue up instead of failing or losing a session. Every
/// failure (no server, a damaged file, a schema from a newer kstress) is one <see cref="KstressException"/>.
/// </summary>
public sealed class HistoryDatabase : IDisposable
{
    private const int BusyTimeoutSeconds = 60;

    // Serializes migrations across PostgreSQL clients (pg_advisory_xact_lock takes any 64-bit key).
    private const long MigrationLockKey = 0x6B73_7472_6573_73;

    private HistoryDatabase(HistoryLocation location, DbConnection connection)
    {
        Location = location;
        Connection = connection;
    }

    public HistoryLocation Location { get; }

    public DbConnection Connection { get; }

    public HistoryBackend Backend => Location.Backend;

    /// <param name="create">Make the SQLite file when it is missing (writers); readers get an error instead.</param>
    public static HistoryDatabase Open(HistoryLocation location, bool create) => Guard(location, () =>
    {
        DbConnection connection = location.Backend == HistoryBackend.Postgres ? OpenPostgres(location.Target) : OpenSqlite(location.Target, create);
        var database = new HistoryDatabase(location, connection);
        try
        {
            database.Migrate();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    });

    /// <summary>Runs an operation on the database, turning its failures into one-line errors that name it.</summary>
    public T Guard<T>(Func<T> operation) => Guard(Location, operation);

    public void Guard(Action operation) => Guard(Location, () =>
    {
        operation();
        return 0;
    });

    private static T Guard<T>(HistoryLocation location, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is DbException or IOException or SocketException or TimeoutException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            string reason = (e.InnerException is SocketException socket ? socket.Message : e.Message).ReplaceLineEndings(" ").Trim();
            throw new KstressException(ExitCode.Infrastructure,
                $"history database {location.Display}: {reason}: fix it or choose another with --history PATH|postgresql://... (or {HistoryLocation.EnvironmentVariable}), or pass --no-history");
        }
    }

    public DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        DbCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = BusyTimeoutSeconds;
        return command;
    }

    /// <summary>A write transaction: SQLite's takes the write lock at once (BEGIN IMMEDIATE), waiting up to the busy timeout.</summary>
    public DbTransaction BeginWrite() => Connection.BeginTransaction();

    public void Dispose() => Connection.Dispose();

    private static SqliteConnection OpenSqlite(string path, bool create)
    {
        if (!create && !File.Exists(path))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"no history database at {path}: run, serial and parse store their sessions there; choose another with --history PATH or {HistoryLocation.EnvironmentVariable}");
        }
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            DefaultTimeout = BusyTimeoutSeconds,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (DbCommand pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragma.CommandTimeout = BusyTimeoutSeconds;
            pragma.ExecuteNonQuery();
        }
        return connection;
    }

    private static NpgsqlConnection OpenPostgres(string url)
    {
        var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(url));
        connection.Open();
        return connection;
    }

    private void Migrate()
    {
        using DbTransaction transaction = BeginWrite();
        if (Backend == HistoryBackend.Postgres)
        {
            using DbCommand lockCommand = Command($"SELECT pg_advisory_xact_lock({MigrationLockKey})", transaction);
            lockCommand.ExecuteNonQuery();
        }
        using (DbCommand create = Command("CREATE TABLE IF NOT EXISTS kstress_schema (version INTEGER NOT NULL)", transaction))
        {
            create.ExecuteNonQuery();
        }
        int version;
        using (DbCommand read = Command("SELECT MAX(version) FROM kstress_schema", transaction))
        {
            object? value = read.ExecuteScalar();
            version = value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (version > HistorySchema.Current)
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"history database {Location.Display} is at schema version {version}, newer than this kstress knows ({HistorySchema.Current}): use the kstress that wrote it, choose another with --history, or pass --no-history");
        }
        for (int next = version + 1; next <= HistorySchema.Current; next++)
        {
            using DbCommand step = Command(HistorySchema.For(HistorySchema.Migrations[next - 1], Backend), transaction);
            step.ExecuteNonQuery();
        }
        if (version < HistorySchema.Current)
        {
            using DbCommand mark = Command(version == 0 ? "INSERT INTO kstress_schema (version) VALUES (@v)" : "UPDATE kstress_schema SET version = @v", transaction);
            AddParameter(mark, "v", HistorySchema.Current);
            mark.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
