// What LineEditor.Feed reports after each input byte.
namespace KernelStress.Shell;

public enum LineStatus
{
    /// <summary>The line is still being typed; keep feeding.</summary>
    Pending,
    /// <summary>A line ended; <see cref="LineEditor.Line"/> holds it (printable ASCII, may be all spaces).</summary>
    Ready,
    /// <summary>An empty line ended (Enter alone): show the prompt again.</summary>
    Empty,
    /// <summary>Ctrl-C: the line was thrown away ("^C" echoed); show the prompt again.</summary>
    Cancelled,
    /// <summary>A line ended but cannot run; <see cref="LineEditor.Error"/> says why, in one line.</summary>
    Rejected,
}
