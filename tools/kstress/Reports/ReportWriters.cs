using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KernelStress.Tool.Reports;

/// <summary>Renders one session's report, or several (run --repeat), in one output format.</summary>
public interface IReportWriter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    void Write(IReadOnlyList<RunReport> runs, Stream output);
}

/// <summary>The output formats, by --format name; each writes every format's view of the same <see cref="RunReport"/>s.</summary>
public static class ReportWriters
{
    private static readonly IReportWriter[] s_all =
    {
        new JsonReportWriter(),
        new CsvReportWriter(),
        new JUnitReportWriter(),
        new KtapReportWriter(),
    };

    public static IEnumerable<string> Formats => s_all.Select(w => w.Format);

    public static IReportWriter Get(string format) =>
        s_all.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new KstressException(ExitCode.Usage, $"unknown --format '{format}': the formats are {string.Join(", ", Formats)}");

    public static void Write(this IReportWriter writer, RunReport report, Stream output) => writer.Write(new[] { report }, output);

    /// <summary>The worst verdict: ERROR over FAIL over PASS.</summary>
    public static Verdict Worst(IEnumerable<RunReport> runs) =>
        runs.Select(r => r.Verdict).DefaultIfEmpty(Verdict.Pass).Max();
}
