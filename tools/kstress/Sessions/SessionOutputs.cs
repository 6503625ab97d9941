using System.Collections.Generic;
using System.IO;
using System.Linq;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Sessions;

/// <summary>Where a scripted run writes its files; null: not asked for.</summary>
public sealed record SessionOutputs(string? JsonPath, string? LogPath, string? JUnitPath = null, string? CsvPath = null, string? KtapPath = null)
{
    /// <summary>
    /// Every output file, atomically, over all sessions: --json one report (or a repeat report),
    /// --junit/--csv/--ktap every session, --log the raw UART (FILE.N.ext per session when there are several).
    /// </summary>
    public void Write(IReadOnlyList<SessionResult> sessions)
    {
        if (sessions.Count == 0)
        {
            return;
        }
        List<RunReport> reports = sessions.Select(s => s.Report).ToList();
        if (LogPath is { } log)
        {
            for (int i = 0; i < sessions.Count; i++)
            {
                AtomicFile.Write(sessions.Count == 1 ? log : Numbered(log, i + 1), sessions[i].Log);
            }
        }
        foreach ((string? path, string format) in new[] { (JsonPath, "json"), (JUnitPath, "junit"), (CsvPath, "csv"), (KtapPath, "ktap") })
        {
            if (path is not null)
            {
                AtomicFile.Write(path, stream => ReportWriters.Get(format).Write(reports, stream));
            }
        }
    }

    /// <summary>uart.log -> uart.2.log.</summary>
    public static string Numbered(string path, int session) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{session}{Path.GetExtension(path)}");
}
