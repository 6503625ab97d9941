using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Tracing;

/// <summary>
/// <c>--trace FILE</c> of <c>run</c> and <c>parse</c>: the session's last trace dump as a Chrome
/// trace-event file, written atomically, and one line on stderr with what it holds.
/// </summary>
public static class TraceFile
{
    public const string OnCommand = "trace on";
    public const string DumpCommand = "trace dump";

    /// <summary>run's commands with tracing on before the first and a dump after the last.</summary>
    public static IReadOnlyList<string> Around(IReadOnlyList<string> commands) =>
        new[] { OnCommand }.Concat(commands).Append(DumpCommand).ToList();

    /// <summary>Writes the trace of <paramref name="records"/> to <paramref name="path"/>; Pass, or Infrastructure when there is no dump to write.</summary>
    public static ExitCode Write(string path, IEnumerable<JsonElement> records, TextWriter stdErr)
    {
        ChromeTrace? trace = new TraceConverter().Convert(records);
        if (trace is null)
        {
            stdErr.WriteLine($"kstress: error: --trace {path}: the session has no trace dump (no 'trace' end record): it ended before '{DumpCommand}' ran, or the kernel has no trace command; nothing written");
            return ExitCode.Infrastructure;
        }
        List<string> crossing = TraceNesting.Violations(trace.TraceEvents);
        if (crossing.Count > 0)
        {
            stdErr.WriteLine($"kstress: error: --trace {path}: {crossing.Count} span(s) do not nest, which Perfetto would reject (a converter bug); the first: {crossing[0]}; nothing written");
            return ExitCode.Infrastructure;
        }
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, trace, TraceJsonContext.Default.ChromeTrace));
        TraceSummary s = trace.OtherData;
        stdErr.WriteLine($"kstress: trace: {path} ({new FileInfo(path).Length} bytes, open it in ui.perfetto.dev): "
            + string.Join(" ", s.EventsByKind.Select(k => $"{k.Key}={k.Value}"))
            + $"; lost per CPU {string.Join("/", s.Lost)} of appended {string.Join("/", s.Appended)} (ring {s.RingCapacity} per CPU)");
        return ExitCode.Pass;
    }
}
