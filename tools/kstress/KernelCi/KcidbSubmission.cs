using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.KernelCi;

/// <summary>
/// A KernelCI KCIDB I/O v5.3 submission (kcidb-io's <c>kcidb_io/schema/v05_03.py</c>; checked against
/// <c>schema/kcidb.v05_03.schema.json</c>) of one or more sessions: the project's commit as the
/// checkout, the image as the build (arch and flavor as its config), and tests under the path
/// <c>kernelstress</c>:
/// <list type="bullet">
/// <item><c>kernelstress.KIND</c>, one per command (KIND: its result's test, or its first word), with the
/// status of its test case: PASS, FAIL (an error line, a FAIL verdict, a panic: the kernel itself
/// failed), MISS (the prompt never came back), SKIP (a command the session never reached); its
/// result's key figure (operations per second, else the primary histogram's p99) as its number;</item>
/// <item><c>kernelstress.KIND.TEST</c> for each further result record of a command;</item>
/// <item><c>kernelstress.selftest.SUITE</c> per selftest suite (number: cases passed) and
/// <c>kernelstress.selftest.SUITE.CASE</c> per failed case (the record names only those);</item>
/// <item><c>kernelstress</c> with status ERROR when the session could not be judged (infrastructure).</item>
/// </list>
/// Ids are <c>kernelstress:LOCALID</c>; KCIDB allows no nulls and no extra properties, so absent
/// facts are left out.
/// </summary>
public static class KcidbSubmission
{
    public const string Origin = "kernelstress";
    private const int MaxExcerpt = 16384;

    public static void Write(Stream output, IReadOnlyList<RunReport> sessions, KcidbEnvironment environment, IReadOnlyList<string>? plannedCommands, string? commit, string runId)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        string checkout = $"{Origin}:{commit ?? "unknown"}";
        string flavor = environment.Board is null or "virt" ? environment.Arch : $"{environment.Arch}-{environment.Board}";
        string build = $"{checkout}-{flavor}";

        json.WriteStartObject();
        json.WriteStartObject("version");
        json.WriteNumber("major", 5);
        json.WriteNumber("minor", 3);
        json.WriteEndObject();

        json.WriteStartArray("checkouts");
        json.WriteStartObject();
        json.WriteString("id", checkout);
        json.WriteString("origin", Origin);
        json.WriteString("tree_name", Origin);
        if (commit is not null)
        {
            json.WriteString("git_commit_hash", commit);
        }
        json.WriteBoolean("valid", true);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("builds");
        json.WriteStartObject();
        json.WriteString("id", build);
        json.WriteString("checkout_id", checkout);
        json.WriteString("origin", Origin);
        if (environment.Arch switch { "x64" => "x86_64", "arm64" => "arm64", _ => null } is { } architecture)
        {
            json.WriteString("architecture", architecture);
        }
        json.WriteString("config_name", flavor);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("tests");
        for (int s = 0; s < sessions.Count; s++)
        {
            var tests = new Tests(json, build, $"{Origin}:{runId}.{s + 1}", environment);
            WriteSession(tests, sessions[s], plannedCommands);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSession(Tests tests, RunReport report, IReadOnlyList<string>? plannedCommands)
    {
        List<TestCase> cases = TestCases.Of(report);
        foreach (TestCase testCase in cases)
        {
            if (testCase.Status == CaseStatus.SessionError)
            {
                tests.Add(Origin, "ERROR", testCase.Message, null, null, null);
                continue;
            }
            string kind = Segment(testCase.ClassName.StartsWith("kstress.", StringComparison.Ordinal) ? testCase.ClassName["kstress.".Length..] : testCase.ClassName);
            string path = $"{Origin}.{kind}";
            bool oneOwnResult = testCase.Results.Count == 1 && Segment(testCase.Results[0].Test) == kind;
            string status = testCase.Status switch
            {
                CaseStatus.Pass => "PASS",
                CaseStatus.NoPrompt => "MISS",
                _ => "FAIL",
            };
            tests.Add(path, status, testCase.Message, testCase.Seconds, oneOwnResult ? KeyFigure(testCase.Results[0]) : null, testCase.Name);
            if (!oneOwnResult)
            {
                foreach (ResultRecord result in testCase.Results)
                {
                    tests.Add($"{path}.{Segment(result.Test)}", result.Verdict == "FAIL" ? "FAIL" : "PASS", result.Verdict == "FAIL" ? result.Reason : null,
                        result.DurationMs / 1000.0, KeyFigure(result), testCase.Name);
                }
            }
        }
        foreach (JsonElement record in report.Records.Where(r => Json.String(r, "type") == "selftest"))
        {
            string suite = $"{Origin}.selftest.{Segment(Json.String(record, "suite") ?? "suite")}";
            bool passed = Json.String(record, "verdict") == "PASS";
            tests.Add(suite, passed ? "PASS" : "FAIL", null, null, Json.Long(record, "passed") is long n ? (n, "cases") : null, null);
            if (record.TryGetProperty("failures", out JsonElement failures) && failures.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement failure in failures.EnumerateArray())
                {
                    tests.Add($"{suite}.{Segment(failure.GetString() ?? "case")}", "FAIL", null, null, null, null);
                }
            }
        }
        foreach (string skipped in (plannedCommands ?? []).Skip(report.Commands.Count))
        {
            tests.Add($"{Origin}.{Segment(skipped.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "command")}", "SKIP",
                "not run: the session ended before this command", null, null, skipped);
        }
    }

    /// <summary>A result's key figure: operations per second, else its primary histogram's p99 in ns.</summary>
    private static (double Value, string Unit)? KeyFigure(ResultRecord result) =>
        result.Throughput is double rate ? (Math.Round(rate, 1), "ops/s")
        : result.Primary?.P99Ns is long p99 ? (p99, "ns")
        : null;

    /// <summary>A path segment KCIDB accepts: [a-zA-Z0-9_-]+.</summary>
    private static string Segment(string name)
    {
        string segment = Regex.Replace(name, "[^a-zA-Z0-9_-]+", "_").Trim('_');
        return segment.Length > 0 ? segment : "unnamed";
    }

    /// <summary>The tests of one session, numbered in order.</summary>
    private sealed class Tests(Utf8JsonWriter json, string build, string idPrefix, KcidbEnvironment environment)
    {
        private int _count;

        public void Add(string path, string status, string? excerpt, double? seconds, (double Value, string Unit)? number, string? command)
        {
            json.WriteStartObject();
            json.WriteString("id", $"{idPrefix}.{++_count}");
            json.WriteString("build_id", build);
            json.WriteString("origin", Origin);
            json.WriteString("path", path);
            json.WriteString("status", status);
            if (seconds is double s)
            {
                json.WriteNumber("duration", s);
            }
            if (excerpt is not null)
            {
                json.WriteString("log_excerpt", excerpt.Length > MaxExcerpt ? excerpt[..MaxExcerpt] : excerpt);
            }
            if (number is var (value, unit))
            {
                json.WriteStartObject("number");
                json.WriteNumber("value", value);
                json.WriteString("unit", unit);
                json.WriteEndObject();
            }
            json.WriteStartObject("environment");
            json.WriteString("comment", environment.Comment);
            json.WriteStartObject("misc");
            json.WriteString("arch", environment.Arch);
            json.WriteString("board", environment.Board ?? (environment.Arch == "x64" ? "pc" : "unknown"));
            if (environment.QemuVersion is { } qemu)
            {
                json.WriteString("qemu_version", qemu);
            }
            json.WriteEndObject();
            json.WriteEndObject();
            if (command is not null)
            {
                json.WriteStartObject("misc");
                json.WriteString("command", command);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
    }
}
