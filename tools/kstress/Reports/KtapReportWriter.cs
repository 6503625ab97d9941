using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace KernelStress.Tool.Reports;

/// <summary>
/// KTAP version 1 (the kernel's test format, Documentation/dev-tools/ktap.rst): the version line,
/// the plan "1..N", then "ok N name" or "not ok N name # reason" per command (<see cref="TestCases"/>),
/// with "# TIMEOUT" for a prompt that never came back and "# ERROR" for a panic or a session-level
/// problem. Several sessions (run --repeat) are subtests, indented four spaces, one per session.
/// </summary>
public sealed class KtapReportWriter : IReportWriter
{
    public string Format => "ktap";

    public void Write(IReadOnlyList<RunReport> runs, Stream output)
    {
        var text = new StringBuilder();
        if (runs.Count == 1)
        {
            WriteSession(text, runs[0], "");
        }
        else
        {
            text.Append("KTAP version 1\n1..").Append(runs.Count).Append('\n');
            for (int i = 0; i < runs.Count; i++)
            {
                WriteSession(text, runs[i], "    ");
                bool ok = runs[i].Verdict == Verdict.Pass;
                text.Append(ok ? "ok " : "not ok ").Append(i + 1).Append(" run_").Append(i + 1);
                if (runs[i].Seed is ulong seed)
                {
                    text.Append(" seed ").Append(seed);
                }
                text.Append(ok ? "" : " # " + runs[i].Verdict.ToString().ToUpperInvariant()).Append('\n');
            }
        }
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void WriteSession(StringBuilder text, RunReport report, string indent)
    {
        List<TestCase> cases = TestCases.Of(report);
        text.Append(indent).Append("KTAP version 1\n");
        text.Append(indent).Append("1..").Append(cases.Count).Append('\n');
        for (int i = 0; i < cases.Count; i++)
        {
            TestCase test = cases[i];
            text.Append(indent).Append(test.Status == CaseStatus.Pass ? "ok " : "not ok ").Append(i + 1).Append(' ').Append(Description(test.Name));
            string? directive = test.Status switch
            {
                CaseStatus.Fail => Description(test.Message ?? "failed"),
                CaseStatus.NoPrompt => "TIMEOUT " + Description(test.Message ?? ""),
                CaseStatus.Panic or CaseStatus.SessionError => "ERROR " + Description(test.Message ?? ""),
                _ => null,
            };
            if (directive is not null)
            {
                text.Append(" # ").Append(directive.TrimEnd());
            }
            text.Append('\n');
        }
    }

    /// <summary>A description must stay on one line and cannot contain '#', which starts the directive.</summary>
    private static string Description(string text) => text.Replace('#', '_').ReplaceLineEndings(" ");
}
