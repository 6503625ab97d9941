using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>The report's verdict rules and its JSON shape (schema 1), via parse of captured logs.</summary>
public class ReportTests
{
    private static readonly string s_session =
        "KernelStress booting\r\n" + Uart.Boot() + "\r\n"
        + "ks> help\r\nhelp  list commands\r\n"
        + "ks> frob\r\nerror: unknown command 'frob'; type 'help' for the list\r\n"
        + "ks> version\r\nKernelStress 0.1.0\r\n"
        + "ks> poweroff\r\n" + Uart.Record("{\"type\":\"bye\",\"seq\":1}") + "\r\n";

    [Fact]
    public async Task CommandsComeFromEchoLinesWithTheirErrors()
    {
        RunReport report = await Parse(s_session);

        Assert.Equal(new[] { "help", "frob", "version" }, report.Commands.Select(c => c.Command));
        Assert.Empty(report.Commands[0].Errors);
        Assert.Equal("error: unknown command 'frob'; type 'help' for the list", Assert.Single(report.Commands[1].Errors));
        Assert.Empty(report.Commands[2].Errors);
        Assert.All(report.Commands, c => Assert.Null(c.DurationMs));
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(ExitCode.TestFailure, report.ExitCode);
    }

    [Fact]
    public async Task CleanSessionPasses()
    {
        RunReport report = await Parse(s_session.Replace("ks> frob\r\nerror: unknown command 'frob'; type 'help' for the list\r\n", ""));
        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Null(report.Error);
        Assert.Equal(2, report.Records.Count);
    }

    [Fact]
    public async Task FailResultFails()
    {
        RunReport report = await Parse(Uart.Boot() + "\r\nks> stress\r\n" + Uart.Result(1, "FAIL") + "\r\nks> ");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Single(report.Results);
    }

    [Fact]
    public async Task PartialResultIsNotAFailure()
    {
        RunReport report = await Parse(Uart.Boot() + "\r\nks> stress\r\n" + Uart.Result(1, "PARTIAL") + "\r\nks> ");
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Theory]
    [InlineData("no boot record")]
    [InlineData("kernel panic")]
    [InlineData("corrupt record")]
    public async Task InfrastructureTroubleIsAnError(string what)
    {
        string log = what switch
        {
            "no boot record" => "ks> version\r\nKernelStress 0.1.0\r\nks> ",
            "kernel panic" => Uart.Boot() + "\r\nks> stress\r\n" + Uart.Record("{\"type\":\"panic\",\"seq\":1,\"subsystem\":\"heap\",\"message\":\"double free\"}") + "\r\n",
            _ => Uart.Boot() + "\r\n" + Uart.Result(1).Replace("memory", "memorX") + "\r\n",
        };
        RunReport report = await Parse(log);
        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Equal(ExitCode.Infrastructure, report.ExitCode);
        Assert.Contains(what, report.Error);
    }

    [Fact]
    public async Task JsonHasTheSchemaOneShape()
    {
        string log =
            Uart.Boot() + "\r\n"                                                     // line 1
            + "ks> help\r\nhelp  list commands\r\n"                                  // 2, 3
            + "ks> frob\r\nerror: unknown command 'frob'; type 'help' for the list\r\n" // 4, 5
            + "ks> stress\r\n" + Uart.Result(1) + "\r\n"                              // 6, 7
            + "ks> poweroff\r\n" + Uart.Record("{\"type\":\"bye\",\"seq\":2}") + "\r\n" // 8, 9
            + Uart.Record("{\"type\":\"result\",\"seq\":3}").Replace("result", "resulx") + "\r\n"; // 10
        RunReport report = await Parse(log);

        using JsonDocument json = JsonDocument.Parse(Render(report));
        JsonElement root = json.RootElement;

        Assert.Equal(
            new[] { "schema", "verdict", "error", "boot_ms", "seed", "qemu_exit_code", "commands", "results", "records", "corrupt", "crashes", "hung_cpus" },
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("ERROR", root.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("boot_ms").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("qemu_exit_code").ValueKind);

        JsonElement frob = root.GetProperty("commands")[1];
        Assert.Equal(new[] { "command", "errors", "duration_ms" }, frob.EnumerateObject().Select(p => p.Name));
        Assert.Equal("frob", frob.GetProperty("command").GetString());
        Assert.Equal("error: unknown command 'frob'; type 'help' for the list", frob.GetProperty("errors")[0].GetString());

        JsonElement result = Assert.Single(root.GetProperty("results").EnumerateArray());
        Assert.Equal("memory", result.GetProperty("test").GetString());
        Assert.Equal(new[] { "boot", "result", "bye" }, root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("type").GetString()));
        Assert.Equal(134217728, root.GetProperty("records")[0].GetProperty("memory_bytes").GetInt64());

        JsonElement corrupt = Assert.Single(root.GetProperty("corrupt").EnumerateArray());
        Assert.Equal(new[] { "line", "reason" }, corrupt.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, corrupt.GetProperty("line").GetInt32());
    }

    [Fact]
    public void JsonKeepsQuotesReadableAndEndsWithANewline()
    {
        var report = new RunReport
        {
            Verdict = Verdict.Pass,
            BootMs = 42,
            QemuExitCode = 33,
            Commands = new List<CommandOutcome> { new() { Command = "echo 'hi'", DurationMs = 5 } },
            Results = new(),
            Records = new(),
            Corrupt = new(),
        };
        string text = Render(report);
        Assert.Contains("\"command\": \"echo 'hi'\"", text);
        Assert.Contains("\"verdict\": \"PASS\"", text);
        Assert.Contains("\"boot_ms\": 42", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        KstressException e = Assert.Throws<KstressException>(() => ReportWriters.Get("xml"));
        Assert.Equal(ExitCode.Usage, e.ExitCode);
        Assert.Contains("json, csv, junit, ktap", e.Message);
    }

    [Fact]
    public void AtomicWriteReplacesTheFileAndLeavesNoTemporary()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-atomic").FullName;
        string path = Path.Combine(dir, "sub", "out.json");
        AtomicFile.Write(path, Encoding.UTF8.GetBytes("first"));
        AtomicFile.Write(path, Encoding.UTF8.GetBytes("second"));
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub")));
        Directory.Delete(dir, recursive: true);
    }

    private static Task<RunReport> Parse(string log) =>
        UartLog.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(log)), CancellationToken.None);

    private static string Render(RunReport report)
    {
        using var stream = new MemoryStream();
        ReportWriters.Get("json").Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
