using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Checks one `selftest SUITE` session: the suite's KTAP block has its plan, one <c>ok</c> line
/// per expected case in order, the suite line <c>ok 1 SUITE</c>, and its <c>selftest</c> record
/// passes with the same case count. Returns the session's lines for further checks.
/// </summary>
public static class KtapSuite
{
    public static List<string> AssertPassed(SessionResult session, string suite, IReadOnlyList<string> caseNames)
    {
        List<string> lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();

        int subtest = lines.IndexOf($"    # Subtest: {suite}");
        Assert.True(subtest >= 0, $"no '# Subtest: {suite}' line");
        Assert.Equal($"    1..{caseNames.Count}", lines[subtest + 1]);
        List<string> caseLines = lines.Where(l => Regex.IsMatch(l, @"^    (not )?ok \d+ ")).ToList();
        Assert.Equal(caseNames.Select((name, i) => $"    ok {i + 1} {name}"), caseLines);
        Assert.Contains($"ok 1 {suite}", lines);

        JsonElement record = session.Report.Records.Single(r => r.GetProperty("type").GetString() == "selftest");
        Assert.Equal(suite, record.GetProperty("suite").GetString());
        Assert.Equal("PASS", record.GetProperty("verdict").GetString());
        Assert.Equal(caseNames.Count, record.GetProperty("tests").GetInt32());
        Assert.Equal(0, record.GetProperty("failed").GetInt32());
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        return lines;
    }
}
