using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KernelStress.Tool.Reports;

/// <summary>Renders a <see cref="RunReport"/> in one output format.</summary>
public interface IReportWriter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    void Write(RunReport report, Stream output);
}

/// <summary>
/// The output formats, by --format name. Only JSON exists so far; CSV, JUnit and KTAP plug in
/// here as further <see cref="IReportWriter"/>s over the same <see cref="RunReport"/>.
/// </summary>
public static class ReportWriters
{
    private static readonly IReportWriter[] s_all = { new JsonReportWriter() };

    public static IEnumerable<string> Formats => s_all.Select(w => w.Format);

    public static IReportWriter Get(string format) =>
        s_all.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new KstressException(ExitCode.Usage, $"unknown --format '{format}': the formats are {string.Join(", ", Formats)}");
}
