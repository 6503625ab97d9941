// The shapes a positional argument can take. Fixed word choices (`autonomy on|off|status`) are
// subcommands (CommandSpec.Subcommands), so that each choice gets its own id, flags and help.
namespace KernelStress.Shell;

public enum PositionalKind
{
    /// <summary>One unsigned integer in an inclusive range (`sleep MS`).</summary>
    Unsigned,
    /// <summary>All the remaining words, at least one when required (`echo TEXT...`); must be last.</summary>
    Text,
}
