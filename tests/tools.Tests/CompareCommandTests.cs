using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// kstress compare as CI runs it, on parse reports of captured sessions: the same sessions compare
/// as same (exit 0), the same sessions with every latency 1.5 times longer regress the p99 gate
/// (exit 1); with the gate moved off the latencies (the negative control) that slowdown passes;
/// an unreadable side is exit 2; JSON and Markdown carry the verdicts, Bencher Metric Format NEW's figures.
/// </summary>
public sealed class CompareCommandTests : System.IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-compare").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A parse report of one captured session.</summary>
    private async Task<string> Report(string name, ulong seed, long p99)
    {
        string log = Path.Combine(_dir, name + ".log"), json = Path.Combine(_dir, name + ".json");
        File.WriteAllText(log, ReportLogs.StressSession(seed, p99));
        (int code, _, string stdErr) = await HistoryStoreTests.Invoke("parse", log, "-o", json, "--no-history");
        Assert.True(code == 0, stdErr);
        return json;
    }

    /// <summary>The report with every latency (each *_ns figure of every record) multiplied.</summary>
    internal static string ScaleLatencies(string json, double factor, string path)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(json))!;
        Scale(root, factor);
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    private static void Scale(JsonNode? node, double factor)
    {
        if (node is JsonObject obj)
        {
            foreach ((string key, JsonNode? value) in obj.ToList())
            {
                if (key.EndsWith("_ns") && value is JsonValue v && v.TryGetValue(out long ns))
                {
                    obj[key] = (long)(ns * factor);
                }
                else
                {
                    Scale(value, factor);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                Scale(item, factor);
            }
        }
    }

    [Fact]
    public async Task TheSameSessionsCompareAsSame()
    {
        string a = await Report("a", 5, 9000), b = await Report("b", 5, 9000);
        (int code, string table, string stdErr) = await HistoryStoreTests.Invoke("compare", a, b, "--history", Path.Combine(_dir, "h.db"));
        Assert.True(code == (int)ExitCode.Pass, stdErr);
        Assert.Contains("0 regressed (0 gated), 0 improved, 0 changed", stdErr);
        Assert.Contains("p99_ns (gate)", table);
        Assert.False(File.Exists(Path.Combine(_dir, "h.db")), "reports alone must not need the history");
    }

    [Fact]
    public async Task LatenciesOneAndAHalfTimesLongerRegressTheGateAndTheNegativeControlPasses()
    {
        string a = await Report("a", 5, 9000);
        string slow = ScaleLatencies(a, 1.5, Path.Combine(_dir, "slow.json"));
        string json = Path.Combine(_dir, "compare.json"), markdown = Path.Combine(_dir, "compare.md"), bmf = Path.Combine(_dir, "bmf.json");

        (int code, _, string stdErr) = await HistoryStoreTests.Invoke("compare", a, slow, "--json", json, "--markdown", markdown, "--bmf", bmf);
        Assert.True(code == (int)ExitCode.TestFailure, stdErr);
        Assert.Contains("kstress: compare: REGRESSED: memory p99_ns: median 9000 -> 13500", stdErr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("regressed", report.RootElement.GetProperty("verdict").GetString());
        JsonElement p99 = report.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("result").GetString() == "memory" && m.GetProperty("metric").GetString() == "p99_ns");
        Assert.Equal(1.5, p99.GetProperty("ratio").GetDouble(), 3);
        Assert.True(p99.GetProperty("gated").GetBoolean());
        Assert.Contains("| memory | p99_ns (gate) | 1 vs 1 | 9000 | 13500 | 1.500 |", File.ReadAllText(markdown));
        using JsonDocument bencher = JsonDocument.Parse(File.ReadAllText(bmf));
        JsonElement measure = bencher.RootElement.GetProperty("memory").GetProperty("p99_ns");
        Assert.Equal(13500, measure.GetProperty("value").GetDouble());
        Assert.Equal(13500, measure.GetProperty("upper_value").GetDouble());
        Assert.Equal(12005, bencher.RootElement.GetProperty("memory").GetProperty("ops").GetProperty("value").GetDouble());

        // The negative control: the same slowdown with only ops/s gated is reported but does not fail.
        (int ungated, _, string ungatedErr) = await HistoryStoreTests.Invoke("compare", a, slow, "--gate", "throughput");
        Assert.True(ungated == (int)ExitCode.Pass, ungatedErr);
        Assert.Contains("regressed (0 gated)", ungatedErr);
    }

    [Fact]
    public async Task AnUnreadableSideIsExitTwo()
    {
        string a = await Report("a", 5, 9000);
        (int code, _, string stdErr) = await HistoryStoreTests.Invoke("compare", a, Path.Combine(_dir, "missing.json"));
        Assert.Equal((int)ExitCode.Infrastructure, code);
        Assert.StartsWith("kstress: error: cannot read", stdErr);

        (int noHistory, _, string noHistoryErr) = await HistoryStoreTests.Invoke("compare", a, "last", "--history", Path.Combine(_dir, "none.db"));
        Assert.Equal((int)ExitCode.Infrastructure, noHistory);
        Assert.StartsWith("kstress: error: no history database at", noHistoryErr);
    }

    [Theory]
    [InlineData("--threshold", "five", "--threshold must be a percentage like 5% or a fraction like 0.05, not 'five'")]
    [InlineData("--alpha", "1.5", "--alpha must be between 0 and 1, not 1.5")]
    public async Task BadOptionsAreUsageErrors(string option, string value, string message)
    {
        (int code, _, string stdErr) = await HistoryStoreTests.Invoke("compare", "a.json", "b.json", option, value);
        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Contains(message, stdErr);
    }

    [Fact]
    public async Task HistorySelectorsPickStoredRuns()
    {
        string db = Path.Combine(_dir, "h.db");
        foreach ((string name, long p99) in new[] { ("one", 9000L), ("two", 9000L), ("three", 13500L) })
        {
            string log = Path.Combine(_dir, name + ".log");
            File.WriteAllText(log, ReportLogs.StressSession(5, p99));
            Assert.Equal(0, (await HistoryStoreTests.Invoke("parse", log, "-o", Path.Combine(_dir, name + ".json"), "--history", db)).Code);
        }
        Assert.Equal((int)ExitCode.Pass, (await HistoryStoreTests.Invoke("compare", "run:1", "last~1", "--history", db)).Code);
        Assert.Equal((int)ExitCode.TestFailure, (await HistoryStoreTests.Invoke("compare", "run:1,run:2", "last", "--history", db)).Code);
        (int missing, _, string missingErr) = await HistoryStoreTests.Invoke("compare", "run:9", "last", "--history", db);
        Assert.Equal((int)ExitCode.Infrastructure, missing);
        Assert.Contains("'run:9': no such run in the history", missingErr);
    }
}
