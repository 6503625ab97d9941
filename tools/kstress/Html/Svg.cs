using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace KernelStress.Tool.Html;

/// <summary>Small helpers for hand-written inline SVG: invariant numbers, escaped text, and the chart frame.</summary>
public static class Svg
{
    public const int Width = 640;
    public const int Height = 220;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 24;
    public const int Bottom = 36;

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Esc(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Opens a chart: class "chart chart-KIND" (what the report test looks for), a title for screen readers.</summary>
    public static StringBuilder Open(string kind, string title, int width = Width, int height = Height)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart chart-{kind}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.Append($"<title>{Esc(title)}</title>");
        svg.Append($"<text x=\"{Left}\" y=\"16\" class=\"caption\">{Esc(title)}</text>");
        return svg;
    }

    public static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    public static void Axes(StringBuilder svg, int width = Width, int height = Height)
    {
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{height - Bottom}\" x2=\"{width - Right}\" y2=\"{height - Bottom}\"/>");
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{height - Bottom}\"/>");
    }

    /// <summary>A nanosecond value as people read it: 850 ns, 12.5 µs, 3.2 ms, 1.5 s.</summary>
    public static string Duration(double ns) => ns switch
    {
        < 1_000 => $"{N(ns)} ns",
        < 1_000_000 => $"{N(ns / 1_000)} µs",
        < 1_000_000_000 => $"{N(ns / 1_000_000)} ms",
        _ => $"{N(ns / 1_000_000_000)} s",
    };

    /// <summary>A value with k/M/G suffixes for axis labels.</summary>
    public static string Short(double value) => Math.Abs(value) switch
    {
        >= 1e9 => $"{N(value / 1e9)}G",
        >= 1e6 => $"{N(value / 1e6)}M",
        >= 1e4 => $"{N(value / 1e3)}k",
        _ => N(value),
    };
}
