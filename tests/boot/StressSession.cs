using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Uart;

namespace KernelStress.Boot.Tests;

/// <summary>What the stresstest scenarios read from a session: records by type, the lines a command printed.</summary>
internal static class StressSession
{
    public static JsonElement[] Records(SessionResult session, string type) =>
        session.Report.Records.Where(r => r.GetProperty("type").GetString() == type).ToArray();

    public static JsonElement[] StressResults(SessionResult session) =>
        session.Report.Results.Where(r => r.TryGetProperty("schema", out _) && r.TryGetProperty("autonomy_metrics", out _)).ToArray();

    public static long Counter(JsonElement result, string name) => result.GetProperty("counters").GetProperty(name).GetInt64();

    /// <summary>The human lines (records excluded) between the echo of <paramref name="command"/> and the next prompt.</summary>
    public static List<string> OutputOf(SessionResult session, string command)
    {
        List<LineReceived> lines = BootedKernel.Lines(session).ToList();
        int echo = lines.FindIndex(l => l.IsEcho && l.EchoedCommand == command);
        return echo < 0
            ? new List<string>()
            : lines.Skip(echo + 1).TakeWhile(l => !l.IsEcho).Where(l => !l.HasRecord).Select(l => l.Text).ToList();
    }

    /// <summary>"[CHAOS] #12 memory_spike p=57 fault=yes ..." → "#12 memory_spike p=57 fault=yes": what the seed decides.</summary>
    public static List<string> ChaosSequence(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("[CHAOS] #"))
            .Select(l => string.Join(' ', l.Split(' ').Skip(1).Take(4)))
            .ToList();
}
