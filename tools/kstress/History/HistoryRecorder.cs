using System.Collections.Generic;
using System.IO;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.History;

/// <summary>
/// The one call run, serial and parse make after their outputs are written: store the sessions,
/// or say in one line why they could not be stored. The verb's own exit code stands either way.
/// </summary>
public static class HistoryRecorder
{
    /// <param name="location">Null with --no-history.</param>
    /// <returns>The new run's id, or null when nothing was stored.</returns>
    public static long? TryRecord(HistoryLocation? location, System.Func<RunFacts> facts, IReadOnlyList<RunReport> sessions, TextWriter stdErr)
    {
        if (location is null || sessions.Count == 0)
        {
            return null;
        }
        try
        {
            using HistoryDatabase database = HistoryDatabase.Open(location, create: true);
            long id = HistoryWriter.Record(database, facts(), sessions);
            stdErr.WriteLine($"kstress: history: stored as run {id} in {location.Display}");
            return id;
        }
        catch (KstressException e)
        {
            stdErr.WriteLine("kstress: error: " + e.Message);
            return null;
        }
    }
}
