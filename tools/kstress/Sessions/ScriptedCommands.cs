using System.Collections.Generic;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Sessions;

/// <summary>The -c values of a scripted session (<c>run</c>, <c>serial</c>): each one line the shell reads as typed.</summary>
public static class ScriptedCommands
{
    /// <summary>Throws a usage error for a -c value that cannot be typed as one command.</summary>
    public static void Validate(IReadOnlyList<string> commands)
    {
        foreach (string command in commands)
        {
            if (command.IndexOfAny(new[] { '\r', '\n' }) >= 0)
            {
                throw new KstressException(ExitCode.Usage, $"-c '{command.ReplaceLineEndings(" ")}' contains a line break: give each command its own -c");
            }
            if (command.Trim().Split(' ')[0] == ReportBuilder.PowerOffCommand)
            {
                throw new KstressException(ExitCode.Usage, "-c 'poweroff' is not needed: run types poweroff itself after the last command; remove that -c");
            }
        }
    }

    /// <summary>A -c value as a POSIX shell needs it to come back whole (for a replay line).</summary>
    public static string Quote(string command) => "'" + command.Replace("'", "'\\''") + "'";
}
