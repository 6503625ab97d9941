using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;
using static KernelStress.Tool.Html.Svg;

namespace KernelStress.Tool.Html;

/// <summary>
/// The HTML report of one or more sessions: a single self-contained file (inline CSS and SVG, no
/// script, no network) with the sessions, each result's figures, latency histogram and
/// percentiles, the pressure/OOM timeline from progress records, the per-CPU timeline of a trace
/// dump (CpuTimeline), compare off/on bars, the
/// distribution of each metric across repeated sessions, symbolized crashes and corrupt records.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1d2330;padding:0 16px}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d5d9e0}h3{font-size:15px;margin:20px 0 6px}
        table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d5d9e0;padding:3px 8px;text-align:left}th{background:#f2f4f7}
        .PASS{color:#17803d;font-weight:600}.FAIL,.ERROR{color:#c0262d;font-weight:600}.PARTIAL{color:#b36b00;font-weight:600}
        svg.chart{display:block;margin:6px 0 14px;background:#fbfcfd;border:1px solid #e3e6eb}
        .caption{font-size:12px;font-weight:600;fill:#1d2330}.tick,.value,.legend{font-size:10px;fill:#4a5262}
        .axis{stroke:#4a5262}.grid{stroke:#e3e6eb}.bar{fill:#3b6fd8}.bar.off{fill:#9aa3b2}.bar.on{fill:#2f9e6b}
        .marker{stroke:#c0262d;stroke-dasharray:3 2}.line{fill:none;stroke-width:2}.line.pressure{stroke:#3b6fd8}.line.oom{stroke:#c0262d}
        .legend.pressure{fill:#3b6fd8}.legend.oom{fill:#c0262d}.legend.off{fill:#9aa3b2}.legend.on{fill:#2f9e6b}.dot{fill:#3b6fd8;opacity:.75}
        pre{background:#f2f4f7;padding:8px;overflow-x:auto;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:0 16px}
        """;

    public static string Render(IReadOnlyList<LoadedRun> runs, string generatedAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>KernelStress report</title><style>")
            .Append(Style).Append("</style></head><body>\n");
        Verdict worst = ReportWriters.Worst(runs.Select(r => r.Report));
        html.Append($"<h1>KernelStress report: <span class=\"{Upper(worst)}\">{Upper(worst)}</span></h1>\n");
        html.Append($"<p>{runs.Count} session(s) from {Esc(string.Join(", ", runs.Select(r => r.Source).Distinct()))}; generated {Esc(generatedAt)} by kstress report.</p>\n");

        Sessions(html, runs);
        for (int i = 0; i < runs.Count; i++)
        {
            Session(html, runs[i], i + 1);
        }
        Distributions(html, runs);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Sessions(StringBuilder html, IReadOnlyList<LoadedRun> runs)
    {
        html.Append("<h2>Sessions</h2><table><tr><th>#</th><th>source</th><th>verdict</th><th>boot to prompt</th><th>seed</th><th>commands</th><th>results</th><th>crashes</th><th>corrupt</th><th>error</th></tr>\n");
        for (int i = 0; i < runs.Count; i++)
        {
            RunReport r = runs[i].Report;
            html.Append($"<tr><td>{i + 1}</td><td>{Esc(runs[i].Source)}</td><td class=\"{Upper(r.Verdict)}\">{Upper(r.Verdict)}</td><td>{(r.BootMs is long ms ? $"{ms} ms" : "-")}</td>"
                + $"<td>{r.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td><td>{r.Commands.Count}</td><td>{r.Results.Count}</td><td>{r.Crashes.Count}</td><td>{r.Corrupt.Count}</td><td>{Esc(r.Error ?? "")}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Session(StringBuilder html, LoadedRun run, int number)
    {
        RunReport report = run.Report;
        html.Append($"<h2>Session {number}: {Esc(run.Source)}</h2>\n");
        if (report.Commands.Count > 0)
        {
            html.Append("<table><tr><th>command</th><th>seconds</th><th>errors</th></tr>");
            foreach (CommandOutcome c in report.Commands)
            {
                html.Append($"<tr><td><code>{Esc(c.Command)}</code></td><td>{(c.DurationMs is long ms ? N(ms / 1000.0) : "-")}</td><td>{Esc(string.Join("; ", c.Errors))}</td></tr>");
            }
            html.Append("</table>\n");
        }
        foreach (ResultRecord result in report.Results.Select(ResultRecord.From))
        {
            Result(html, result);
        }
        Timelines(html, report.Records);
        html.Append(CpuTimeline.Section(report.Records));
        foreach (JsonElement compare in report.Records.Where(r => Json.String(r, "type") == "compare"))
        {
            Compare(html, compare);
        }
        foreach (CrashReport crash in report.Crashes)
        {
            html.Append($"<h3>{Esc(crash.Type)} #{crash.Seq}</h3><pre class=\"crash\">{Esc(string.Join("\n", CrashText.Lines(crash)))}</pre>\n");
        }
        if (report.Corrupt.Count > 0)
        {
            html.Append($"<h3>Corrupt records and stream anomalies ({report.Corrupt.Count})</h3><pre>{Esc(string.Join("\n", report.Corrupt.Select(c => $"line {c.Line}: {c.Reason}")))}</pre>\n");
        }
    }

    private static void Result(StringBuilder html, ResultRecord result)
    {
        string verdict = result.Verdict ?? "-";
        html.Append($"<h3>{Esc(result.Name)} <span class=\"{Esc(verdict)}\">{Esc(verdict)}</span>{(result.Seed is ulong seed ? $" · seed {seed}" : "")}{(result.Reason is { Length: > 0 } reason ? $" · {Esc(reason)}" : "")}</h3>\n");
        var figures = new List<(string, string)>();
        void Add(string label, double? value, Func<double, string> format)
        {
            if (value is double v)
            {
                figures.Add((label, format(v)));
            }
        }
        Add("duration", result.DurationMs, v => $"{N(v / 1000)} s");
        Add("ops", result.Ops, v => Short(v));
        Add("failed", result.Failed, v => Short(v));
        Add("throughput", result.Throughput, v => $"{Short(v)}/s");
        Add("error rate", result.ErrorRate, v => $"{N(v * 100)}%");
        Add("memory peak", result.MemPeakBytes, v => $"{Short(v)}B");
        Add("cpu busy", result.CpuBusyPct, v => $"{N(v)}%");
        Add("interventions", result.AutonomyMetrics.TryGetValue("total_interventions", out double t) ? t : null, v => Short(v));
        if (figures.Count > 0)
        {
            html.Append("<table><tr>").Append(string.Concat(figures.Select(f => $"<th>{f.Item1}</th>"))).Append("</tr><tr>")
                .Append(string.Concat(figures.Select(f => $"<td>{Esc(f.Item2)}</td>"))).Append("</tr></table>\n");
        }
        html.Append("<div class=\"charts\">");
        foreach (Histogram h in result.Histograms)
        {
            html.Append(Charts.Histogram(h)).Append(Charts.Percentiles(h));
        }
        html.Append("</div>\n");
        foreach (ResultRecord phase in result.Phases())
        {
            Result(html, phase);
        }
    }

    private static void Timelines(StringBuilder html, IReadOnlyList<JsonElement> records)
    {
        // A run's progress records share its test name and restart at a small elapsed_ms.
        var groups = new List<(string Test, List<JsonElement> Points)>();
        foreach (JsonElement p in records.Where(r => Json.String(r, "type") == "progress"))
        {
            string test = Json.String(p, "test") ?? "progress";
            long elapsed = Json.Long(p, "elapsed_ms") ?? 0;
            if (groups.Count == 0 || groups[^1].Test != test || (Json.Long(groups[^1].Points[^1], "elapsed_ms") ?? 0) > elapsed)
            {
                groups.Add((test, new List<JsonElement>()));
            }
            groups[^1].Points.Add(p);
        }
        foreach ((string test, List<JsonElement> points) in groups)
        {
            string? chart = Charts.Timeline($"{test}: memory pressure and OOM events ({points.Count} progress records)",
                points.Select(p => ((double)(Json.Long(p, "elapsed_ms") ?? 0), Json.Number(p, "pressure_pct"), Json.Number(p, "oom_events"))).ToList());
            if (chart is not null)
            {
                html.Append($"<h3>{Esc(test)} progress</h3>").Append(chart).Append('\n');
            }
        }
    }

    private static void Compare(StringBuilder html, JsonElement compare)
    {
        JsonElement? off = Json.Object(compare, "off"), on = Json.Object(compare, "on");
        double? Get(JsonElement? side, string name) => side is JsonElement s ? Json.Number(s, name) : null;
        string test = Json.String(compare, "test") ?? "compare";
        html.Append($"<h3>compare {Esc(test)}: autonomy off vs on{(Json.Long(compare, "seed") is long seed ? $" · seed {seed}" : "")}</h3>");
        html.Append(Charts.Compare($"{test}: autonomy off vs on", new[] { "oom_events", "peak_pressure_pct", "p99_ns", "total_interventions" }
            .Select(m => (m, Get(off, m), Get(on, m))).ToList()));
        var interventions = Json.Numbers(compare, "interventions_on");
        if (interventions.Count > 0)
        {
            html.Append("<table><tr><th>intervention (autonomy on)</th><th>count</th></tr>")
                .Append(string.Concat(interventions.Select(i => $"<tr><td>{Esc(i.Key)}</td><td>{N(i.Value)}</td></tr>"))).Append("</table>\n");
        }
    }

    private static void Distributions(StringBuilder html, IReadOnlyList<LoadedRun> runs)
    {
        if (runs.Count < 2)
        {
            return;
        }
        var perResult = new Dictionary<string, Dictionary<string, List<double>>>();
        foreach (LoadedRun run in runs)
        {
            foreach (ResultRecord r in run.Report.Results.Select(ResultRecord.From))
            {
                foreach (string metric in new[] { "p99_ns", "p50_ns", "throughput", "ops", "failed", "duration_ms", "mem_peak_bytes" })
                {
                    if (r.Metric(metric) is double v)
                    {
                        Dictionary<string, List<double>> metrics = perResult.TryGetValue(r.Name, out var m) ? m : perResult[r.Name] = new();
                        (metrics.TryGetValue(metric, out var list) ? list : metrics[metric] = new()).Add(v);
                    }
                }
            }
        }
        var charts = perResult.SelectMany(r => r.Value.Select(m => Charts.Distribution($"{r.Key} {m.Key} across {m.Value.Count} sessions", m.Value))).OfType<string>().ToList();
        if (charts.Count > 0)
        {
            html.Append("<h2>Across sessions</h2>\n").Append(string.Concat(charts)).Append('\n');
        }
    }

    private static string Upper(Verdict v) => v.ToString().ToUpperInvariant();
}
