using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.History;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Tracing;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress parse LOG|- [--format json|csv|junit|ktap] [-o FILE] [--elf FILE]</c>: turns a captured
/// UART log (a <c>run --log</c> file, a serial capture from a board) into the same report <c>run</c>
/// writes, in any of the output formats. Commands are read from the echo lines; boot_ms and
/// qemu_exit_code are null (nothing measured them). Fault and panic records are symbolized
/// against --elf, or the built image of the boot record's arch, and printed on stderr.
/// </summary>
public static class ParseCommand
{
    private static readonly Argument<string> s_log = new("LOG")
    {
        Description = "The captured UART log (or a LAVA job log: lava-run's JSON lines, a LAVA server's YAML), or - to read standard input",
    };

    private static readonly Option<string> s_format = new("--format")
    {
        Description = "Output format",
        DefaultValueFactory = _ => "json",
        HelpName = "json|csv|junit|ktap",
    };

    private static readonly Option<string?> s_elf = new("--elf")
    {
        Description = "The kernel image (ELF with symbols) that produced the log, to name the functions in fault/panic records (default: artifacts/<arch>/kernel.elf when it exists)",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_output = new("--output", "-o")
    {
        Description = "Write the report to FILE (atomically) instead of standard output",
        HelpName = "FILE",
    };

    private static readonly HistoryOptions s_history = new(writes: true);
    private static readonly Option<string?> s_kcidb = KernelCi.KcidbOutput.CreateOption();
    private static readonly Option<string?> s_trace = new("--trace")
    {
        Description = "Also write the log's last trace dump as Chrome trace-event JSON for ui.perfetto.dev",
        HelpName = "FILE",
    };

    static ParseCommand()
    {
        s_format.AcceptOnlyFromAmong(System.Linq.Enumerable.ToArray(ReportWriters.Formats));
    }

    public static Command Create()
    {
        var command = new Command("parse",
            "Parse a captured UART log into the run report (verdict from the records and error lines). "
            + "Exit codes: 0 pass; 1 an 'error:' line or a FAIL result; 2 no boot record, a panic, corrupt records; 64 bad arguments or unreadable LOG.")
        {
            s_log,
            s_format,
            s_output,
            s_elf,
            s_kcidb,
            s_trace,
        };
        s_history.AddTo(command);
        command.SetAction((parse, ct) => HandleAsync(parse.GetValue(s_log)!, parse.GetValue(s_format)!, parse.GetValue(s_output),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct, parse.GetValue(s_elf), s_history.Read(parse), parse.GetValue(s_kcidb), parse.GetValue(s_trace)));
        return command;
    }

    /// <param name="history">Where to store the session; null stores nothing.</param>
    public static async Task<int> HandleAsync(string log, string format, string? output, TextWriter stdOut, TextWriter stdErr, CancellationToken cancellationToken, string? elf = null,
        HistoryLocation? history = null, string? kcidb = null, string? trace = null)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        IReportWriter writer = ReportWriters.Get(format);
        RunReport report;
        await using (Stream input = Open(log))
        {
            report = await UartLog.ParseAsync(input, cancellationToken, elf).ConfigureAwait(false);
        }

        if (output is null)
        {
            using var buffer = new MemoryStream();
            writer.Write(report, buffer);
            stdOut.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            stdOut.Flush();
        }
        else
        {
            AtomicFile.Write(output, stream => writer.Write(report, stream));
        }

        HistoryRecorder.TryRecord(history, () => RunFacts.ForParse(log, report, started), [report], stdErr);
        string where = log == "-" ? "standard input" : log;
        KernelCi.KcidbOutput.Write(kcidb, [report], KernelCi.KcidbEnvironment.ForLog(report, where));
        foreach (CrashReport crash in report.Crashes)
        {
            foreach (string line in CrashText.Lines(crash))
            {
                stdErr.WriteLine("kstress: " + line);
            }
        }
        switch (report.Verdict)
        {
            case Verdict.Pass:
                stdErr.WriteLine($"kstress: PASS: {where}: {report.Commands.Count} command(s), {report.Records.Count} record(s)");
                break;
            case Verdict.Fail:
                foreach (string failure in report.FailureLines())
                {
                    stdErr.WriteLine($"kstress: FAIL: {where}: {failure}");
                }
                break;
            default:
                stdErr.WriteLine($"kstress: error: {where}: {report.Error}");
                break;
        }
        ExitCode traced = trace is null ? ExitCode.Pass : TraceFile.Write(trace, report.Records, stdErr);
        return (int)(report.ExitCode == ExitCode.Pass ? traced : report.ExitCode);
    }

    private static Stream Open(string log)
    {
        if (log == "-")
        {
            return Console.OpenStandardInput();
        }
        try
        {
            return File.OpenRead(log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KstressException(ExitCode.Usage, $"cannot read LOG '{log}': {e.Message}: check the path, or pass - to read standard input");
        }
    }
}
