using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>KTAP version 1 output, checked line by line against the format's grammar (Documentation/dev-tools/ktap.rst).</summary>
public class KtapFormatTests
{
    private static readonly Regex s_result = new(@"^(ok|not ok) (\d+)( [^#]*)?( # .*)?$");
    private static readonly Regex s_plan = new(@"^1\.\.(\d+)$");

    [Fact]
    public void PassFailAndErrorLinesFollowTheGrammar()
    {
        string log = Records.Session(
            ("help", "help  list commands\r\n"),
            ("frob", "error: unknown command 'frob'; type 'help' for the list\r\n"),
            ("stresstest chaos", Records.Result(1, test: "chaos", verdict: "FAIL", reason: "12 of 40 recoveries failed") + "\r\n"));

        string[] lines = Records.Lines(Reports.Render("ktap", Reports.Parse(log))).Where(l => l.Length > 0).ToArray();

        Assert.Equal(new[]
        {
            "KTAP version 1",
            "1..3",
            "ok 1 help",
            "not ok 2 frob # error: unknown command 'frob'; type 'help' for the list",
            "not ok 3 stresstest chaos # FAIL: 12 of 40 recoveries failed",
        }, lines);
        AssertGrammar(lines, "");
    }

    [Fact]
    public void APanicIsAnErrorAndAMissingPromptATimeout()
    {
        string panic = Uart.Boot() + "\r\nks> fault gp --fatal\r\n"
            + Uart.Record("{\"type\":\"panic\",\"seq\":1,\"arch\":\"x64\",\"reason\":\"general protection (#GP)\",\"rip\":\"0x0000000000100000\",\"stack\":[],\"code\":\"\"}") + "\r\n";
        string hang = Uart.Boot() + "\r\nks> help\r\nhelp\r\nks> sleep 99999\r\n";

        string panicLine = Records.Lines(Reports.Render("ktap", Reports.Parse(panic))).Single(l => l.StartsWith("not ok"));
        string hangLine = Records.Lines(Reports.Render("ktap", Reports.Parse(hang))).Single(l => l.StartsWith("not ok"));

        Assert.StartsWith("not ok 1 fault gp --fatal # ERROR kernel panic", panicLine);
        Assert.StartsWith("not ok 2 sleep 99999 # TIMEOUT", hangLine);
    }

    [Fact]
    public void AFailingSelftestSuiteFailsItsCommand()
    {
        string selftest = Uart.Record("{\"type\":\"selftest\",\"seq\":1,\"suite\":\"sched\",\"tests\":9,\"passed\":8,\"failed\":1,\"verdict\":\"FAIL\",\"failures\":[\"mutex_exclusion_under_preemption\"]}");
        string line = Records.Lines(Reports.Render("ktap", Reports.Parse(Records.Session(("selftest sched", selftest + "\r\n"))))).Single(l => l.Contains("selftest sched"));
        Assert.StartsWith("not ok 1 selftest sched # FAIL: [selftest _1] suite=sched", line); // no "#" inside a KTAP reason
    }

    [Fact]
    public void HashInACommandCannotStartADirective()
    {
        string log = Records.Session(("echo a#b", "a#b\r\n"));
        Assert.Contains("ok 1 echo a_b", Reports.Render("ktap", Reports.Parse(log)));
    }

    [Fact]
    public void RepeatedSessionsAreIndentedSubtests()
    {
        string good = Records.Session(("help", "help\r\n"));
        string bad = Records.Session(("frob", "error: unknown command 'frob'\r\n"));

        string[] lines = Records.Lines(Reports.Render("ktap", Reports.Parse(good), Reports.Parse(bad))).Where(l => l.Length > 0).ToArray();

        Assert.Equal("1..2", lines[1]);
        Assert.Equal("ok 1 run_1", lines[5]);
        Assert.Equal("not ok 2 run_2 # FAIL", lines[^1]);
        AssertGrammar(lines.Where(l => !l.StartsWith("    ")).ToArray(), "");
        AssertGrammar(lines.Skip(2).Take(3).ToArray(), "    ");
    }

    /// <summary>Version line, plan, then results numbered 1..N matching the plan.</summary>
    private static void AssertGrammar(IReadOnlyList<string> lines, string indent)
    {
        Assert.Equal(indent + "KTAP version 1", lines[0]);
        Match plan = s_plan.Match(lines[1].Substring(indent.Length));
        Assert.True(plan.Success, lines[1]);
        var results = lines.Skip(2).Select(l => s_result.Match(l.Substring(indent.Length))).ToList();
        Assert.All(results, m => Assert.True(m.Success, m.Value));
        Assert.Equal(Enumerable.Range(1, int.Parse(plan.Groups[1].Value)).Select(i => i.ToString()), results.Select(m => m.Groups[2].Value));
    }
}
