// The outcome of CommandParser.Parse.
namespace KernelStress.Shell;

public enum ParseStatus
{
    /// <summary>The line holds no words (only spaces): nothing to run, show the prompt again.</summary>
    Empty,
    /// <summary>A valid command: ParsedCommand.Command, its arguments and flags are filled in.</summary>
    Command,
    /// <summary>The line is not valid; ParsedCommand.Error holds the one error line.</summary>
    Error,
}
