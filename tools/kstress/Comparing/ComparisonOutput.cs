using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace KernelStress.Tool.Comparing;

/// <summary>A comparison as a Spectre table, JSON, or a Markdown table for a CI comment.</summary>
public static class ComparisonOutput
{
    private static readonly string[] Headers = { "result", "metric", "n", "base median", "new median", "ratio", "95% CI of the shift", "p", "verdict" };

    /// <summary>What the table and Markdown show: every change and every gated metric (all rows with <paramref name="all"/>).</summary>
    public static IEnumerable<MetricChange> Shown(IEnumerable<MetricChange> changes, bool all) =>
        changes.Where(c => all || c.Gated || c.Verdict != ChangeVerdict.Same);

    public static Table Table(IReadOnlyList<MetricChange> changes, bool all)
    {
        var table = new Table().Title("kstress compare").AddColumns(Headers);
        foreach (MetricChange c in Shown(changes, all))
        {
            table.AddRow(Cells(c).Select((text, i) => i == Headers.Length - 1 ? VerdictMarkup(c) : Markup.Escape(text)).ToArray());
        }
        return table;
    }

    public static string Markdown(IReadOnlyList<MetricChange> changes, bool all)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Headers).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", Headers.Length))).Append('\n');
        foreach (MetricChange c in Shown(changes, all))
        {
            text.Append("| ").AppendJoin(" | ", Cells(c).Select(cell => cell.Replace("|", "\\|"))).Append(" |\n");
        }
        text.Append('\n').Append(Summary(changes)).Append('\n');
        return text.ToString();
    }

    public static void WriteJson(IReadOnlyList<MetricChange> changes, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("verdict", changes.Any(c => c.GateFails) ? "regressed" : "pass");
        json.WriteStartArray("metrics");
        foreach (MetricChange c in changes)
        {
            json.WriteStartObject();
            json.WriteString("result", c.Result);
            json.WriteString("metric", c.Metric);
            json.WriteNumber("base_n", c.BaseN);
            json.WriteNumber("new_n", c.NewN);
            json.WriteNumber("base_median", c.BaseMedian);
            json.WriteNumber("new_median", c.NewMedian);
            json.WriteNumber("base_spread", c.BaseSpread);
            json.WriteNumber("new_spread", c.NewSpread);
            Number(json, "ratio", c.Ratio);
            Number(json, "shift", c.Test?.Shift);
            json.WriteBoolean("shift_is_ratio", c.Test?.OnLogScale ?? false);
            Number(json, "ci_lower", c.Test?.Lower);
            Number(json, "ci_upper", c.Test?.Upper);
            Number(json, "p_value", c.Test?.PValue);
            json.WriteString("verdict", Word(c.Verdict));
            json.WriteBoolean("gated", c.Gated);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Summary(IReadOnlyList<MetricChange> changes)
    {
        int regressed = changes.Count(c => c.Verdict == ChangeVerdict.Regressed);
        return $"{changes.Count} metric(s): {regressed} regressed ({changes.Count(c => c.GateFails)} gated), "
            + $"{changes.Count(c => c.Verdict == ChangeVerdict.Improved)} improved, {changes.Count(c => c.Verdict == ChangeVerdict.Changed)} changed, "
            + $"{changes.Count(c => c.Verdict == ChangeVerdict.Same)} same";
    }

    public static string Word(ChangeVerdict verdict) => verdict switch
    {
        ChangeVerdict.Regressed => "regressed",
        ChangeVerdict.Improved => "improved",
        ChangeVerdict.Changed => "changed",
        _ => "same",
    };

    private static IEnumerable<string> Cells(MetricChange c)
    {
        yield return c.Result;
        yield return c.Metric + (c.Gated ? " (gate)" : "");
        yield return $"{c.BaseN} vs {c.NewN}";
        yield return Figure(c.BaseMedian) + (c.BaseSpread > 0 ? " ±" + Figure(c.BaseSpread) : "");
        yield return Figure(c.NewMedian) + (c.NewSpread > 0 ? " ±" + Figure(c.NewSpread) : "");
        yield return c.Ratio is double r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        yield return Interval(c.Test);
        yield return c.Test?.PValue is double p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
        yield return Word(c.Verdict);
    }

    /// <summary>A ratio interval as percent changes ("-3.1% .. +4.0%"), a difference interval in the metric's units.</summary>
    private static string Interval(ShiftTest? test) => test switch
    {
        { Lower: double l, Upper: double u, OnLogScale: true } => $"{Percent(l)} .. {Percent(u)}",
        { Lower: double l, Upper: double u } => $"{Signed(l)} .. {Signed(u)}",
        _ => "-",
    };

    private static string Percent(double ratio) => ((ratio - 1) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double value) => value.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture);

    /// <summary>A figure as tables show it: whole numbers from 100 up, three decimals below.</summary>
    public static string Figure(double value) => value.ToString(System.Math.Abs(value) >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);

    private static string VerdictMarkup(MetricChange c) => c.Verdict switch
    {
        ChangeVerdict.Regressed => "[red]regressed[/]",
        ChangeVerdict.Improved => "[green]improved[/]",
        ChangeVerdict.Changed => "[yellow]changed[/]",
        _ => "same",
    };

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
