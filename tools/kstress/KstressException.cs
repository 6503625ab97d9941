using System;

namespace KernelStress.Tool;

/// <summary>
/// An anticipated failure: its message is one line saying what went wrong, why, and what to do
/// next, and is printed as <c>kstress: error: MESSAGE</c> with no stack trace. Anything else that
/// escapes a verb is a bug in the tool and is printed in full.
/// </summary>
public sealed class KstressException : Exception
{
    public KstressException(ExitCode exitCode, string message, string? details = null)
        : base(message)
    {
        ExitCode = exitCode;
        Details = details;
    }

    public ExitCode ExitCode { get; }

    /// <summary>Extra lines printed after the message (e.g. the last UART lines, QEMU's stderr).</summary>
    public string? Details { get; }
}
