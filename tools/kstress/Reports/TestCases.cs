using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Results;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Reports;

public enum CaseStatus
{
    Pass,

    /// <summary>The command ran and failed: an error line or a FAIL result.</summary>
    Fail,

    /// <summary>The kernel panicked during the command.</summary>
    Panic,

    /// <summary>The prompt never came back (a hang, QEMU died, the log ended).</summary>
    NoPrompt,

    /// <summary>The session could not be judged for a reason outside any one command (no boot, corrupt records...).</summary>
    SessionError,
}

/// <summary>One command of a session judged as a test case (JUnit testcase, KTAP line, summary row).</summary>
public sealed record TestCase(string Name, string ClassName, double? Seconds, CaseStatus Status, string? Message, IReadOnlyList<string> Output, IReadOnlyList<ResultRecord> Results);

/// <summary>
/// Judges each command of a report: its error lines and any record of it with verdict FAIL make it
/// fail (the message is the first error line or "FAIL: reason"), a panic record during it or a prompt that never came
/// back make it an error. A session-level problem no command explains (no boot record, corrupt
/// records, no bye) becomes one extra case, "session".
/// </summary>
public static class TestCases
{
    public const string SessionCase = "session";

    public static List<TestCase> Of(RunReport report)
    {
        var cases = new List<TestCase>();
        foreach (CommandOutcome command in report.Commands)
        {
            List<ResultRecord> results = command.Records.Where(r => r.Type == "result").Select(r => ResultRecord.From(r.Body)).ToList();
            UartRecord? panic = command.Records.FirstOrDefault(r => r.Type == "panic");
            // Any record with verdict FAIL fails its command (a stress result, a selftest suite), as it fails the run.
            UartRecord? failed = command.Records.FirstOrDefault(r => r.GetString("verdict") == "FAIL");
            (CaseStatus status, string? message) = panic is not null ? (CaseStatus.Panic, report.Error ?? $"kernel panic: {panic.GetString("reason")}")
                : !command.Answered ? (CaseStatus.NoPrompt, report.Error ?? "the prompt did not come back")
                : command.Errors.Count > 0 ? (CaseStatus.Fail, command.Errors[0])
                : failed is not null ? (CaseStatus.Fail, $"FAIL: {failed.GetString("reason") ?? RecordText.Compact(failed)}")
                : (CaseStatus.Pass, null);
            var output = new List<string>();
            output.AddRange(command.Errors);
            foreach (UartRecord record in command.Records)
            {
                output.Add(RecordText.Compact(record));
            }
            foreach (CrashReport crash in report.Crashes.Where(c => command.Records.Any(r => r.Seq == c.Seq)))
            {
                output.AddRange(CrashText.Lines(crash));
            }
            if (!command.Answered)
            {
                output.AddRange(report.HungCpus.SelectMany(CrashText.Lines));
            }
            string test = results.FirstOrDefault()?.Test ?? command.Command.Split(' ')[0];
            cases.Add(new TestCase(command.Command, $"kstress.{test}", command.DurationMs / 1000.0, status, message, output, results));
        }
        if (report.Verdict is Verdict.Error or Verdict.Hang && !cases.Any(c => c.Status is CaseStatus.Panic or CaseStatus.NoPrompt))
        {
            cases.Add(new TestCase(SessionCase, "kstress.session", null, CaseStatus.SessionError, report.Error, report.Corrupt.Select(c => $"line {c.Line}: {c.Reason}").ToList(), new List<ResultRecord>()));
        }
        return cases;
    }
}
