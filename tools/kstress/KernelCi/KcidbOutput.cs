using System;
using System.Collections.Generic;
using System.CommandLine;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.KernelCi;

/// <summary>The --kcidb FILE option of run, parse and serial, and writing the submission it names.</summary>
public static class KcidbOutput
{
    public static Option<string?> CreateOption() => new("--kcidb")
    {
        Description = "Also write the sessions as a KernelCI KCIDB v5.3 submission (checkout, build, one test per command and result; see docs/lava.md)",
        HelpName = "FILE",
    };

    /// <param name="plannedCommands">The commands the session was to type (those it never reached are SKIP); null when unknown (a captured log).</param>
    public static void Write(string? path, IReadOnlyList<RunReport> sessions, KcidbEnvironment environment, IReadOnlyList<string>? plannedCommands = null)
    {
        if (path is null || sessions.Count == 0)
        {
            return;
        }
        string runId = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Random.Shared.Next(0x10000):x4}";
        string? commit = GitCommit.Head();
        AtomicFile.Write(path, stream => KcidbSubmission.Write(stream, sessions, environment, plannedCommands, commit, runId));
    }
}
