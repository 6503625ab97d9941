using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KernelStress.Tool.Results;
using Spectre.Console;

namespace KernelStress.Tool.Reports;

/// <summary>
/// The tables run prints at the end (Spectre.Console): one row per command of each session with
/// its status and the primary figures of its result, and with --repeat the variability of each
/// metric across sessions. A cell is "-" when the kernel did not report the quantity.
/// </summary>
public static class SummaryTable
{
    public static Table Sessions(IReadOnlyList<RunReport> runs)
    {
        var table = new Table().Title("kstress run summary").AddColumns("session", "command", "status", "seconds", "ops", "failed", "ops/s", "p50 ns", "p99 ns", "seed");
        for (int i = 0; i < runs.Count; i++)
        {
            foreach (TestCase test in TestCases.Of(runs[i]))
            {
                ResultRecord? result = test.Results.FirstOrDefault();
                table.AddRow(
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(test.Name),
                    Status(test.Status),
                    Cell(test.Seconds, "0.###"),
                    Cell(result?.Ops, "0"),
                    Cell(result?.Failed, "0"),
                    Cell(result?.Throughput, "0.#"),
                    Cell(result?.Primary?.P50Ns, "0"),
                    Cell(result?.Primary?.P99Ns, "0"),
                    result?.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }
        }
        return table;
    }

    public static Table Variability(IReadOnlyList<VariabilityRow> rows)
    {
        var table = new Table().Title("variability across sessions").AddColumns("result", "metric", "n", "mean", "stddev", "min", "max");
        foreach (VariabilityRow row in rows)
        {
            table.AddRow(Markup.Escape(row.Result), Markup.Escape(row.Metric), row.N.ToString(CultureInfo.InvariantCulture),
                Cell(row.Mean, "0.###"), Cell(row.Stddev, "0.###"), Cell(row.Min, "0.###"), Cell(row.Max, "0.###"));
        }
        return table;
    }

    private static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Pass => "[green]PASS[/]",
        CaseStatus.Fail => "[red]FAIL[/]",
        CaseStatus.Panic => "[red]PANIC[/]",
        CaseStatus.NoPrompt => "[red]NO PROMPT[/]",
        _ => "[red]ERROR[/]",
    };

    private static string Cell(double? value, string format) => value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
