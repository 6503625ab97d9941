using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KernelStress.Tool.Results;
using static KernelStress.Tool.Html.Svg;

namespace KernelStress.Tool.Html;

/// <summary>
/// The report's charts as inline SVG, drawn from what the records carry and nothing else: a
/// latency histogram on a log axis (from the raw buckets), percentile bars (log axis), the
/// pressure and OOM timeline of progress records, compare off/on bars, and the distribution of a
/// metric across repeated sessions. Each returns null when there is nothing to draw.
/// </summary>
public static class Charts
{
    /// <summary>Bucket counts over a log10 latency axis; each bar spans its bucket's [lower, upper].</summary>
    public static string? Histogram(Histogram h)
    {
        var buckets = h.Buckets.Where(b => b.Count > 0 && b.UpperNs > 0).ToList();
        if (buckets.Count == 0)
        {
            return null;
        }
        double lo = Math.Floor(Math.Log10(Math.Max(1, buckets.Min(b => b.LowerNs))));
        double hi = Math.Ceiling(Math.Log10(buckets.Max(b => b.UpperNs) + 1));
        if (hi <= lo)
        {
            hi = lo + 1;
        }
        long maxCount = buckets.Max(b => b.Count);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double ns) => Left + (Math.Log10(Math.Max(1, ns)) - lo) / (hi - lo) * plotW;
        StringBuilder svg = Open("histogram", $"{h.Name}: {h.Count} values, latency on a log axis");
        Axes(svg);
        for (double d = lo; d <= hi; d++)
        {
            double x = X(Math.Pow(10, d));
            svg.Append($"<line class=\"grid\" x1=\"{N(x)}\" y1=\"{Top}\" x2=\"{N(x)}\" y2=\"{Height - Bottom}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{N(x)}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{Esc(Duration(Math.Pow(10, d)))}</text>");
        }
        svg.Append($"<text class=\"tick\" x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{Esc(Short(maxCount))}</text>");
        svg.Append($"<text class=\"tick\" x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        foreach (HistogramBucket b in buckets)
        {
            double x1 = X(b.LowerNs), x2 = Math.Max(x1 + 1.5, X(b.UpperNs + 1));
            double barH = Math.Max(1, b.Count / (double)maxCount * plotH);
            svg.Append($"<rect class=\"bar\" x=\"{N(x1)}\" y=\"{N(Height - Bottom - barH)}\" width=\"{N(x2 - x1)}\" height=\"{N(barH)}\"><title>{Esc($"{Duration(b.LowerNs)}–{Duration(b.UpperNs)}: {b.Count}")}</title></rect>");
        }
        foreach ((string label, long ns) in h.Percentiles().Where(p => p.Label is "p50" or "p99"))
        {
            double x = X(ns);
            svg.Append($"<line class=\"marker\" x1=\"{N(x)}\" y1=\"{Top}\" x2=\"{N(x)}\" y2=\"{Height - Bottom}\"/><text class=\"tick\" x=\"{N(x + 3)}\" y=\"{Top + 10}\">{label}</text>");
        }
        svg.Append($"<text class=\"tick\" x=\"{Width - Right}\" y=\"{Height - 4}\" text-anchor=\"end\">latency (log scale)</text>");
        return Close(svg);
    }

    /// <summary>p50 … p99.9 as horizontal bars on a log axis, labelled with their values.</summary>
    public static string? Percentiles(Histogram h)
    {
        var points = h.Percentiles().Where(p => p.Ns > 0).ToList();
        if (points.Count == 0)
        {
            return null;
        }
        int height = Top + 26 * points.Count + Bottom;
        double lo = Math.Floor(Math.Log10(points.Min(p => p.Ns))) - 0;
        double hi = Math.Ceiling(Math.Log10(points.Max(p => p.Ns) + 1));
        if (hi <= lo)
        {
            hi = lo + 1;
        }
        lo = Math.Max(0, lo - 1);
        double plotW = Width - Left - Right - 90;
        double X(double ns) => Left + (Math.Log10(Math.Max(1, ns)) - lo) / (hi - lo) * plotW;
        StringBuilder svg = Open("percentiles", $"{h.Name}: percentiles (log scale)", Width, height);
        Axes(svg, Width, height);
        for (int i = 0; i < points.Count; i++)
        {
            double y = Top + 4 + i * 26;
            double w = Math.Max(1, X(points[i].Ns) - Left);
            svg.Append($"<text class=\"tick\" x=\"{Left - 4}\" y=\"{N(y + 13)}\" text-anchor=\"end\">{points[i].Label}</text>");
            svg.Append($"<rect class=\"bar\" x=\"{Left}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"18\"/>");
            svg.Append($"<text class=\"value\" x=\"{N(Left + w + 4)}\" y=\"{N(y + 13)}\">{Esc(Duration(points[i].Ns))}</text>");
        }
        return Close(svg);
    }

    /// <summary>Pressure (left axis, %) and OOM events (right axis, count) over elapsed time, one point per progress record.</summary>
    public static string? Timeline(string title, IReadOnlyList<(double ElapsedMs, double? PressurePct, double? OomEvents)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }
        double maxT = Math.Max(1, points.Max(p => p.ElapsedMs));
        double maxOom = Math.Max(1, points.Max(p => p.OomEvents ?? 0));
        double plotW = Width - Left - Right - 30, plotH = Height - Top - Bottom;
        double X(double ms) => Left + ms / maxT * plotW;
        double YP(double pct) => Height - Bottom - pct / 100 * plotH;
        double YO(double n) => Height - Bottom - n / maxOom * plotH;
        StringBuilder svg = Open("timeline", title);
        Axes(svg);
        svg.Append($"<text class=\"tick\" x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">100%</text><text class=\"tick\" x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        svg.Append($"<text class=\"tick\" x=\"{Width - Right}\" y=\"{Top + 8}\" text-anchor=\"end\">{Esc(Short(maxOom))} oom</text>");
        svg.Append($"<text class=\"tick\" x=\"{Width - Right - 30}\" y=\"{Height - 4}\" text-anchor=\"end\">{N(maxT / 1000)} s</text>");
        var pressure = points.Where(p => p.PressurePct is not null).Select(p => $"{N(X(p.ElapsedMs))},{N(YP(p.PressurePct!.Value))}").ToList();
        if (pressure.Count > 0)
        {
            svg.Append($"<polyline class=\"line pressure\" points=\"{string.Join(' ', pressure)}\"/>");
        }
        var oom = new List<string>();
        double? last = null;
        foreach (var p in points.Where(p => p.OomEvents is not null))
        {
            if (last is double l)
            {
                oom.Add($"{N(X(p.ElapsedMs))},{N(YO(l))}");
            }
            oom.Add($"{N(X(p.ElapsedMs))},{N(YO(p.OomEvents!.Value))}");
            last = p.OomEvents;
        }
        if (oom.Count > 0)
        {
            svg.Append($"<polyline class=\"line oom\" points=\"{string.Join(' ', oom)}\"/>");
        }
        svg.Append($"<text class=\"legend pressure\" x=\"{Left + 8}\" y=\"{Height - 4}\">— pressure %</text><text class=\"legend oom\" x=\"{Left + 110}\" y=\"{Height - 4}\">— OOM events</text>");
        return Close(svg);
    }

    /// <summary>Autonomy off vs on for each compared quantity, each pair on its own scale.</summary>
    public static string? Compare(string title, IReadOnlyList<(string Metric, double? Off, double? On)> pairs)
    {
        var usable = pairs.Where(p => p.Off is not null && p.On is not null).ToList();
        if (usable.Count == 0)
        {
            return null;
        }
        double groupW = (Width - Left - Right) / (double)usable.Count;
        double plotH = Height - Top - Bottom;
        StringBuilder svg = Open("compare", title);
        Axes(svg);
        for (int i = 0; i < usable.Count; i++)
        {
            (string metric, double? off, double? on) = usable[i];
            double max = Math.Max(1, Math.Max(off!.Value, on!.Value));
            double x = Left + i * groupW + groupW * 0.15;
            double barW = groupW * 0.3;
            foreach ((string side, double value, double dx) in new[] { ("off", off.Value, 0.0), ("on", on.Value, barW + 4) })
            {
                double h = value / max * plotH;
                svg.Append($"<rect class=\"bar {side}\" x=\"{N(x + dx)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(barW)}\" height=\"{N(Math.Max(h, 0.5))}\"><title>{Esc($"{metric} autonomy {side}: {value}")}</title></rect>");
                svg.Append($"<text class=\"value\" x=\"{N(x + dx + barW / 2)}\" y=\"{N(Height - Bottom - h - 3)}\" text-anchor=\"middle\">{Esc(Short(value))}</text>");
            }
            svg.Append($"<text class=\"tick\" x=\"{N(x + barW + 2)}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{Esc(metric)}</text>");
        }
        svg.Append($"<text class=\"legend off\" x=\"{Left + 8}\" y=\"{Height - 4}\">■ autonomy off</text><text class=\"legend on\" x=\"{Left + 130}\" y=\"{Height - 4}\">■ autonomy on</text>");
        return Close(svg);
    }

    /// <summary>One dot per session on a linear axis from min to max, with the mean marked: how much a metric moved across repeats.</summary>
    public static string? Distribution(string title, IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }
        const int height = 90;
        double min = values.Min(), max = values.Max();
        double span = max > min ? max - min : Math.Max(1, Math.Abs(max));
        double lo = max > min ? min - span * 0.05 : min - span / 2, hi = max > min ? max + span * 0.05 : max + span / 2;
        double plotW = Width - Left - Right;
        double X(double v) => Left + (v - lo) / (hi - lo) * plotW;
        StringBuilder svg = Open("distribution", title, Width, height);
        int y = height - 30;
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\"/>");
        foreach (double v in values)
        {
            svg.Append($"<circle class=\"dot\" cx=\"{N(X(v))}\" cy=\"{y - 10}\" r=\"5\"><title>{Esc(N(v))}</title></circle>");
        }
        double mean = values.Average();
        svg.Append($"<line class=\"marker\" x1=\"{N(X(mean))}\" y1=\"{y - 22}\" x2=\"{N(X(mean))}\" y2=\"{y + 2}\"/>");
        svg.Append($"<text class=\"tick\" x=\"{Left}\" y=\"{y + 16}\">{Esc(Short(min))}</text><text class=\"tick\" x=\"{Width - Right}\" y=\"{y + 16}\" text-anchor=\"end\">{Esc(Short(max))}</text>");
        svg.Append($"<text class=\"tick\" x=\"{N(X(mean))}\" y=\"{y + 16}\" text-anchor=\"middle\">mean {Esc(Short(mean))}</text>");
        return Close(svg);
    }
}
