// Fixed bounds of the shell. Every buffer in kernel.Shell is sized from these at construction,
// so nothing grows at run time; input beyond a bound is rejected with an error, never cut short.
namespace KernelStress.Shell;

public static class ShellLimits
{
    /// <summary>Longest command line, in characters (bytes: the shell accepts ASCII only).</summary>
    public const int MaxLineLength = 256;

    /// <summary>Most words (tokens) on one line, the command name included.</summary>
    public const int MaxTokens = 32;

    /// <summary>Most flags a command accepts, counting the flags it inherits from its parent commands.</summary>
    public const int MaxFlagsPerCommand = 32;

    /// <summary>Largest element count a list flag (integer list, key:value list) may declare.</summary>
    public const int MaxListElements = 16;

    /// <summary>Deepest command nesting: `stresstest compare memory` is depth 3.</summary>
    public const int MaxCommandDepth = 3;

    /// <summary>Longest error message; a longer one ends in "..." (see <see cref="ErrorMessage"/>).</summary>
    public const int MaxErrorLength = 1024;
}
