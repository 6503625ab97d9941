using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using KernelStress.Tool.Tracing;
using static KernelStress.Tool.Html.Svg;

namespace KernelStress.Tool.Html;

/// <summary>
/// A session's trace (its last <c>trace dump</c>, through <see cref="TraceConverter"/>) as a per-CPU
/// timeline: one lane per CPU, a bar for each span a thread ran (coloured by thread, idle grey,
/// named in its tooltip), and marks above the lane for chaos events (orange, red when the injected
/// fault was not recovered) and sacrificial faults (red).
/// </summary>
public static class CpuTimeline
{
    private const int TimelineWidth = 960;
    private const int Lane = 26;

    private static readonly string[] s_palette = { "#3b6fd8", "#2f9e6b", "#8e5bd0", "#d08a2f", "#2aa5b5", "#b5488a", "#6d8a2a", "#5a6fa8" };

    /// <summary>The report section for the records' trace; empty when they hold no dump.</summary>
    public static string Section(IReadOnlyList<JsonElement> records)
    {
        ChromeTrace? trace = new TraceConverter().Convert(records);
        return trace is null ? "" : "<h3>Trace: what ran on each CPU</h3>" + Render(trace) + "\n";
    }

    public static string Render(ChromeTrace trace)
    {
        List<TraceEvent> threads = trace.TraceEvents.Where(e => e.Ph == "X" && e.Cat == "thread").ToList();
        List<TraceEvent> marks = trace.TraceEvents.Where(e => e.Ph == "i" && e.Cat is "chaos" or "fault").ToList();
        int cpus = trace.OtherData.Appended.Count;
        double start = threads.Concat(marks).Select(e => e.Ts).DefaultIfEmpty(0).Min();
        double end = threads.Select(e => e.Ts + (e.Dur ?? 0)).Concat(marks.Select(e => e.Ts)).DefaultIfEmpty(start + 1).Max();
        double span = Math.Max(end - start, 1);
        int height = Top + cpus * (Lane + 10) + Bottom;
        double plotW = TimelineWidth - Left - Right;
        double X(double us) => Left + (us - start) / span * plotW;
        double LaneTop(int cpu) => Top + 8 + cpu * (Lane + 10);

        string title = $"{threads.Count} thread spans, {marks.Count(m => m.Cat == "chaos")} chaos events, {marks.Count(m => m.Cat == "fault")} faults on {cpus} CPU(s); lost {string.Join("/", trace.OtherData.Lost)}";
        StringBuilder svg = Open("cputimeline", title, TimelineWidth, height);
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            svg.Append($"<text class=\"tick\" x=\"{Left - 4}\" y=\"{N(LaneTop(cpu) + Lane / 2.0 + 4)}\" text-anchor=\"end\">CPU {cpu}</text>");
        }
        foreach (TraceEvent t in threads)
        {
            string name = (string)t.Args!["thread"];
            string colour = name == "idle" ? "#d5d9e0" : s_palette[(int)((t.Args.TryGetValue("thread_id", out object? id) ? (long)id : 0) % s_palette.Length)];
            double width = Math.Max(X(t.Ts + (t.Dur ?? 0)) - X(t.Ts), 0.3);
            svg.Append($"<rect class=\"run\" x=\"{N(X(t.Ts))}\" y=\"{N(LaneTop(t.Tid) + 6)}\" width=\"{N(width)}\" height=\"{Lane - 6}\" fill=\"{colour}\"><title>{Esc(name)}: {Esc(Duration((t.Dur ?? 0) * 1000))} from {Esc(Duration((t.Ts - start) * 1000))}</title></rect>");
        }
        foreach (TraceEvent m in marks)
        {
            bool bad = m.Cat == "fault" || (m.Args!.TryGetValue("recovered", out object? recovered) && m.Args.TryGetValue("fault_injected", out object? injected) && (bool)injected && !(bool)recovered);
            double x = X(m.Ts), y = LaneTop(m.Tid);
            svg.Append($"<path class=\"mark {(m.Cat == "fault" ? "fault" : "chaos")}\" d=\"M{N(x - 3)},{N(y)} L{N(x + 3)},{N(y)} L{N(x)},{N(y + 5)} Z\" fill=\"{(bad ? "#c0262d" : "#e08a1e")}\"><title>{Esc(m.Name)} at {Esc(Duration((m.Ts - start) * 1000))}</title></path>");
        }
        svg.Append($"<text class=\"tick\" x=\"{TimelineWidth - Right}\" y=\"{height - 4}\" text-anchor=\"end\">{Esc(Duration(span * 1000))}</text>");
        svg.Append($"<text class=\"legend\" x=\"{Left}\" y=\"{height - 4}\">bars: the thread running (grey: idle) · ▼ orange: chaos event · ▼ red: fault, or a fault not recovered</text>");
        return Close(svg);
    }
}
