using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>JUnit XML: valid against the Jenkins junit-10.xsd shape (junit-10.xsd here), one testcase per command, failures and errors where CI expects them.</summary>
public class JUnitFormatTests
{
    private static readonly string s_mixed = Records.Session(
        ("help", "help  list commands\r\n"),
        ("frob", "error: unknown command 'frob'; type 'help' for the list\r\n"),
        ("stresstest chaos --fail-rate 20", Records.Result(1, test: "chaos", verdict: "FAIL", reason: "12 of 40 recoveries failed") + "\r\n"),
        ("stresstest memory", Records.Result(2) + "\r\n"));

    [Fact]
    public void ValidAgainstTheJUnitSchema()
    {
        string xml = Reports.Render("junit", Reports.Parse(s_mixed));
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "junit-10.xsd"));
        XDocument document = XDocument.Parse(xml);
        string? error = null;
        document.Validate(schemas, (_, e) => error ??= e.Message);
        Assert.Null(error);
    }

    [Fact]
    public void OneTestcasePerCommandWithFailuresFromErrorLinesAndVerdicts()
    {
        XDocument xml = XDocument.Parse(Reports.Render("junit", Reports.Parse(s_mixed)));
        XElement suite = xml.Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();

        Assert.Equal(new[] { "help", "frob", "stresstest chaos --fail-rate 20", "stresstest memory" }, cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal("4", (string)suite.Attribute("tests")!);
        Assert.Equal("2", (string)suite.Attribute("failures")!);
        Assert.Equal("0", (string)suite.Attribute("errors")!);
        Assert.Null(cases[0].Element("failure"));
        Assert.Equal("error: unknown command 'frob'; type 'help' for the list", (string)cases[1].Element("failure")!.Attribute("message")!);
        Assert.Equal("FAIL: 12 of 40 recoveries failed", (string)cases[2].Element("failure")!.Attribute("message")!);
        Assert.Equal("kstress.chaos", (string)cases[2].Attribute("classname")!);
        Assert.Contains("[result #1] schema=1 test=chaos", (string)cases[2].Element("system-out")!);
        Assert.Null(cases[3].Element("failure"));
    }

    [Fact]
    public void PanicAndMissingPromptAreErrors()
    {
        string panic = Uart.Boot() + "\r\nks> help\r\nhelp\r\nks> fault gp --fatal\r\n"
            + Uart.Record("{\"type\":\"panic\",\"seq\":1,\"arch\":\"x64\",\"reason\":\"general protection (#GP)\",\"rip\":\"0x0000000000100000\",\"stack\":[],\"code\":\"0f0b\"}") + "\r\n";

        XElement[] cases = XDocument.Parse(Reports.Render("junit", Reports.Parse(panic))).Descendants("testcase").ToArray();

        Assert.Null(cases[0].Element("error"));
        XElement error = cases[1].Element("error")!;
        Assert.Equal("panic", (string)error.Attribute("type")!);
        Assert.StartsWith("kernel panic (line 5)", (string)error.Attribute("message")!);
        Assert.Contains("ud2", (string)cases[1].Element("system-out")!);
    }

    [Fact]
    public void ASessionProblemNoCommandExplainsIsAnExtraErrorCase()
    {
        string corrupt = Records.Session(("help", "help\r\n")) + Uart.Result(9).Replace("memory", "memorY") + "\r\n";

        XElement[] cases = XDocument.Parse(Reports.Render("junit", Reports.Parse(corrupt))).Descendants("testcase").ToArray();

        Assert.Equal(2, cases.Length);
        Assert.Equal("session", (string)cases[1].Attribute("name")!);
        Assert.Equal("infrastructure", (string)cases[1].Element("error")!.Attribute("type")!);
        Assert.Contains("crc mismatch", (string)cases[1].Element("error")!.Attribute("message")!);
    }

    [Fact]
    public void RepeatedSessionsAreOneSuiteEach()
    {
        XDocument xml = XDocument.Parse(Reports.Render("junit", Reports.Parse(s_mixed), Reports.Parse(s_mixed), Reports.Parse(s_mixed)));
        Assert.Equal(new[] { "kstress run 1", "kstress run 2", "kstress run 3" }, xml.Root!.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        Assert.Equal("12", (string)xml.Root.Attribute("tests")!);
        Assert.Equal("6", (string)xml.Root.Attribute("failures")!);
    }
}
