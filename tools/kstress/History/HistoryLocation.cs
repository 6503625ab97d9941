using System;
using System.IO;

namespace KernelStress.Tool.History;

public enum HistoryBackend
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the history database is: --history (a file path or a postgresql:// URL), else
/// KSTRESS_HISTORY, else history.db in kstress's folder under the user's data directory
/// ($XDG_DATA_HOME or ~/.local/share).
/// </summary>
public sealed record HistoryLocation(HistoryBackend Backend, string Target)
{
    public const string EnvironmentVariable = "KSTRESS_HISTORY";

    public static HistoryLocation Resolve(string? option)
    {
        string? chosen = option is { Length: > 0 } ? option : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(chosen))
        {
            string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(data))
            {
                data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }
            return new HistoryLocation(HistoryBackend.Sqlite, Path.Combine(data, "kstress", "history.db"));
        }
        if (chosen.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || chosen.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new HistoryLocation(HistoryBackend.Postgres, chosen);
        }
        return new HistoryLocation(HistoryBackend.Sqlite, Path.GetFullPath(chosen));
    }

    /// <summary>The location for messages: a PostgreSQL URL without its password.</summary>
    public string Display => Backend == HistoryBackend.Postgres && Uri.TryCreate(Target, UriKind.Absolute, out Uri? uri) && uri.UserInfo.Contains(':')
        ? Target.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
        : Target;
}
