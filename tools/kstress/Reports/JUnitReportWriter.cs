using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace KernelStress.Tool.Reports;

/// <summary>
/// JUnit XML in the shape CI servers read (Jenkins' junit-10.xsd): one &lt;testsuite&gt; per
/// session, one &lt;testcase&gt; per command (<see cref="TestCases"/>). A failing command gets a
/// &lt;failure&gt; whose message is its error line or "FAIL: reason"; a panic or a prompt that never
/// came back is an &lt;error&gt; (type "panic" / "no-prompt"); a session-level problem is an
/// &lt;error&gt; of an extra "session" case. Records and symbolized crashes go to &lt;system-out&gt;.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public string Format => "junit";

    public void Write(IReadOnlyList<RunReport> runs, Stream output)
    {
        var suites = runs.Select(TestCases.Of).ToList();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using XmlWriter xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "kstress");
        WriteCounts(xml, suites.SelectMany(s => s).ToList());
        for (int i = 0; i < runs.Count; i++)
        {
            RunReport run = runs[i];
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", runs.Count == 1 ? "kstress" : $"kstress run {i + 1}");
            WriteCounts(xml, suites[i]);
            xml.WriteAttributeString("skipped", "0");
            xml.WriteStartElement("properties");
            Property(xml, "verdict", run.Verdict.ToString().ToUpperInvariant());
            Property(xml, "boot_ms", run.BootMs?.ToString(CultureInfo.InvariantCulture));
            Property(xml, "qemu_exit_code", run.QemuExitCode?.ToString(CultureInfo.InvariantCulture));
            Property(xml, "seed", run.Seed?.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            foreach (TestCase test in suites[i])
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", test.Name);
                xml.WriteAttributeString("classname", test.ClassName);
                if (test.Seconds is double seconds)
                {
                    xml.WriteAttributeString("time", seconds.ToString("0.###", CultureInfo.InvariantCulture));
                }
                switch (test.Status)
                {
                    case CaseStatus.Fail:
                        Problem(xml, "failure", "FAIL", test.Message);
                        break;
                    case CaseStatus.Panic:
                        Problem(xml, "error", "panic", test.Message);
                        break;
                    case CaseStatus.NoPrompt:
                        Problem(xml, "error", "no-prompt", test.Message);
                        break;
                    case CaseStatus.SessionError:
                        Problem(xml, "error", "infrastructure", test.Message);
                        break;
                }
                if (test.Output.Count > 0)
                {
                    xml.WriteElementString("system-out", string.Join("\n", test.Output));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyList<TestCase> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Status == CaseStatus.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", cases.Count(c => c.Status is CaseStatus.Panic or CaseStatus.NoPrompt or CaseStatus.SessionError).ToString(CultureInfo.InvariantCulture));
        double time = cases.Sum(c => c.Seconds ?? 0);
        xml.WriteAttributeString("time", time.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static void Property(XmlWriter xml, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static void Problem(XmlWriter xml, string element, string type, string? message)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", Clean(message ?? type));
        xml.WriteAttributeString("type", type);
        xml.WriteString(Clean(message ?? type));
        xml.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot carry most control characters; the UART text is already free of them, this is a guard.</summary>
    private static string Clean(string text) => new(text.Where(XmlConvert.IsXmlChar).ToArray());
}
