using System.CommandLine;
using KernelStress.Tool.History;

namespace KernelStress.Tool.Cli;

/// <summary>
/// --history and --no-history for the verbs that store sessions (run, serial, parse), and
/// --history alone for those that read them (history, compare). Each verb gets its own instances.
/// </summary>
public sealed class HistoryOptions
{
    private readonly bool _writes;

    public HistoryOptions(bool writes)
    {
        _writes = writes;
    }

    public Option<string?> Location { get; } = new("--history")
    {
        Description = $"The history database: a SQLite file, or postgresql://user:password@host:port/database for a shared one (default: ${HistoryLocation.EnvironmentVariable}, else kstress/history.db under the user's data directory)",
        HelpName = "PATH|URL",
    };

    public Option<bool> None { get; } = new("--no-history")
    {
        Description = "Do not store this invocation's sessions in the history database",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Location);
        if (_writes)
        {
            command.Options.Add(None);
        }
    }

    /// <summary>The chosen database; null when --no-history was given.</summary>
    public HistoryLocation? Read(ParseResult parse) =>
        _writes && parse.GetValue(None) ? null : HistoryLocation.Resolve(parse.GetValue(Location));
}
