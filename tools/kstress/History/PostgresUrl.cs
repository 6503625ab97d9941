using System;
using Npgsql;

namespace KernelStress.Tool.History;

/// <summary>
/// postgresql://[user[:password]@][host][:port][/database][?host=/socket/dir&amp;sslmode=...] as an
/// Npgsql connection string. Connecting gives up after a few seconds, so an unreachable server is
/// a prompt error, not a hung run.
/// </summary>
public static class PostgresUrl
{
    private const int ConnectTimeoutSeconds = 5;

    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException($"'{url}' is not a URL of the form postgresql://user:password@host:port/database");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Length > 0 ? uri.Host : "localhost",
            Timeout = ConnectTimeoutSeconds,
            Pooling = false,
        };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            builder[key switch { "sslmode" => "SSL Mode", "user" => "Username", "dbname" => "Database", _ => key }] = value;
        }
        return builder.ConnectionString;
    }
}
