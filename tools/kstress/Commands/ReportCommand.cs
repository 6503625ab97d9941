using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Html;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress report FILE... -o report.html</c>: one self-contained HTML file (inline SVG charts,
/// no script, no network) from run/parse JSON reports, repeat reports or raw UART logs.
/// </summary>
public static class ReportCommand
{
    private static readonly Argument<string[]> s_files = new("FILE")
    {
        Description = "JSON reports from run --json or parse, or raw UART logs",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> s_output = new("--output", "-o")
    {
        Description = "The HTML file to write (atomically)",
        HelpName = "FILE",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("report",
            "Write an HTML report with charts (latency histograms, percentiles, pressure/OOM timeline, compare off/on, repeat distributions, crashes). "
            + "Exit codes: 0 written; 64 bad arguments or an unreadable input.")
        {
            s_files,
            s_output,
        };
        command.SetAction((parse, ct) => HandleAsync(parse.GetValue(s_files)!, parse.GetValue(s_output)!, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> HandleAsync(IReadOnlyList<string> files, string output, TextWriter stdErr, CancellationToken cancellationToken)
    {
        List<LoadedRun> runs = await ReportReader.LoadAsync(files, cancellationToken).ConfigureAwait(false);
        string html = HtmlReport.Render(runs, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        AtomicFile.Write(output, Encoding.UTF8.GetBytes(html));
        stdErr.WriteLine($"kstress: wrote {output}: {runs.Count} session(s), {runs.Sum(r => r.Report.Results.Count)} result(s), {html.Split("<svg ").Length - 1} chart(s)");
        return (int)ExitCode.Pass;
    }
}
