using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelStress.Tool.KernelCi;
using KernelStress.Tool.Reports;
using Xunit;

namespace KernelStress.Tool.Tests.KernelCi;

/// <summary>
/// The KCIDB v5.3 submission of a session validates against the JSON Schema written from
/// kcidb-io's v05_03.py, carries our verdicts as KCIDB statuses, and a broken submission (each
/// kind of break on its own) is rejected by the same schema.
/// </summary>
public sealed class KcidbSubmissionTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly KcidbEnvironment s_qemu = new("x64", null, "QEMU machine x64 (qemu-system-x86_64, QEMU emulator version 10.0.2)", "QEMU emulator version 10.0.2");

    private static readonly string s_log = Records.Session(
        ("help", "help  list commands\r\n"),
        ("frob", "error: unknown command 'frob'; type 'help' for the list\r\n"),
        ("stresstest chaos --fail-rate 20", Records.Result(1, test: "chaos", verdict: "FAIL", reason: "12 of 40 recoveries failed") + "\r\n"),
        ("selftest heap", Uart.Record("{\"type\":\"selftest\",\"seq\":2,\"suite\":\"heap\",\"tests\":3,\"passed\":2,\"failed\":1,\"managed_allocations\":0,\"first_run\":true,\"verdict\":\"FAIL\",\"failures\":[\"double free detected\"]}") + "\r\n"),
        ("stresstest memory", Records.Result(3) + "\r\n"));

    private static string Submission(RunReport report, IReadOnlyList<string>? planned = null)
    {
        using var stream = new MemoryStream();
        KcidbSubmission.Write(stream, [report], s_qemu, planned, Commit, "20261203T160000000-abcd");
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void ASessionValidatesAndCarriesOurVerdicts()
    {
        string json = Submission(Reports.Parse(s_log));

        Assert.Null(KcidbSchema.Errors(json));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(5, root.GetProperty("version").GetProperty("major").GetInt32());
        Assert.Equal(3, root.GetProperty("version").GetProperty("minor").GetInt32());
        Assert.Equal(Commit, root.GetProperty("checkouts")[0].GetProperty("git_commit_hash").GetString());
        JsonElement build = root.GetProperty("builds")[0];
        Assert.Equal("x86_64", build.GetProperty("architecture").GetString());
        Assert.Equal("x64", build.GetProperty("config_name").GetString());
        var tests = root.GetProperty("tests").EnumerateArray().Select(t => (t.GetProperty("path").GetString(), t.GetProperty("status").GetString())).ToList();
        Assert.Equal(new (string?, string?)[]
        {
            ("kernelstress.help", "PASS"),
            ("kernelstress.frob", "FAIL"),
            ("kernelstress.chaos", "FAIL"),
            ("kernelstress.selftest", "FAIL"),
            ("kernelstress.memory", "PASS"),
            ("kernelstress.selftest.heap", "FAIL"),
            ("kernelstress.selftest.heap.double_free_detected", "FAIL"),
        }, tests);
        JsonElement memory = root.GetProperty("tests")[4];
        Assert.Equal("ops/s", memory.GetProperty("number").GetProperty("unit").GetString());
        Assert.Equal(500.0, memory.GetProperty("number").GetProperty("value").GetDouble());
        Assert.Equal("QEMU emulator version 10.0.2", memory.GetProperty("environment").GetProperty("misc").GetProperty("qemu_version").GetString());
        Assert.All(root.GetProperty("tests").EnumerateArray(), t => Assert.StartsWith("kernelstress:20261203T160000000-abcd.1.", t.GetProperty("id").GetString()));
    }

    [Fact]
    public void ACommandThatNeverAnsweredIsMissAndTheOnesNotReachedAreSkip()
    {
        string log = Uart.Boot() + "\r\nks> help\r\nhelp  list commands\r\nks> sleep 99999\r\n";

        string json = Submission(Reports.Parse(log), ["help", "sleep 99999", "mem"]);

        Assert.Null(KcidbSchema.Errors(json));
        using JsonDocument document = JsonDocument.Parse(json);
        var tests = document.RootElement.GetProperty("tests").EnumerateArray().Select(t => (t.GetProperty("path").GetString(), t.GetProperty("status").GetString())).ToList();
        Assert.Equal(new (string?, string?)[] { ("kernelstress.help", "PASS"), ("kernelstress.sleep", "MISS"), ("kernelstress.mem", "SKIP") }, tests);
    }

    [Fact]
    public void ASessionThatCouldNotBeJudgedIsError()
    {
        string json = Submission(Reports.Parse("no kernel here\r\n"));

        Assert.Null(KcidbSchema.Errors(json));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement test = Assert.Single(document.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("kernelstress", test.GetProperty("path").GetString());
        Assert.Equal("ERROR", test.GetProperty("status").GetString());
        Assert.Contains("no boot record", test.GetProperty("log_excerpt").GetString());
    }

    /// <summary>Negative control: the schema that passes the submission rejects each break of it.</summary>
    [Theory]
    [InlineData("extra property", "verdict")]
    [InlineData("status outside the enum", "status")]
    [InlineData("path with a space", "path")]
    [InlineData("id without origin", "id")]
    [InlineData("null", "duration")]
    [InlineData("missing build_id", "build_id")]
    [InlineData("major version 4", "major")]
    public void ABrokenSubmissionIsRejected(string breakage, string field)
    {
        JsonObject submission = JsonNode.Parse(Submission(Reports.Parse(s_log)))!.AsObject();
        JsonObject test = submission["tests"]![0]!.AsObject();
        switch (breakage)
        {
            case "extra property": test["verdict"] = "PASS"; break;
            case "status outside the enum": test["status"] = "PARTIAL"; break;
            case "path with a space": test["path"] = "kernelstress.stress test"; break;
            case "id without origin": test["id"] = "no-origin-here"; break;
            case "null": test["duration"] = null; break;
            case "missing build_id": test.Remove("build_id"); break;
            case "major version 4": submission["version"]!["major"] = 4; break;
        }

        string? errors = KcidbSchema.Errors(submission.ToJsonString());

        Assert.NotNull(errors);
        Assert.Contains(field == "major" ? "/version" : "/tests/0", errors);
        Assert.Contains(field, errors);
    }
}
