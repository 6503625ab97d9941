using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using KernelStress.Tool.Building;
using KernelStress.Tool.Lava;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests.Lava;

/// <summary>Builds the real x64 and arm64 virt images once (or finds them current).</summary>
public sealed class LavaImages : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        foreach (string arch in KernelTarget.Arches)
        {
            await KernelBuild.EnsureImageAsync(ProfileCatalog.Load().ForArch(arch), allowBuild: true, TextWriter.Null, CancellationToken.None);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// A job from kstress lava run end to end by LAVA's own dispatcher (lava-run) against the real
/// image in real QEMU, with the device dictionary kstress lava writes: LAVA's test cases are
/// the commands, with the results `kstress run` gives the same commands and seed; a command
/// that fails (a stresstest whose leak is injected, an unknown command) is a LAVA fail; and
/// `kstress parse` of LAVA's log (as lava-run prints it, and as a server serves it) gives the
/// very report of the raw UART of the same session, which QEMU also writes to a file; run's and
/// parse's KCIDB submissions validate and agree.
/// </summary>
public sealed class LavaRunTests : IClassFixture<LavaImages>
{
    private const string Seed = "7";

    private static readonly string[] s_commands =
    {
        "prng --seed 42 --count 3",
        // No faults injected: with faults, a device outage may outlast its driver's give-up in one
        // boot and not the other, and the two sessions' verdicts must be equal.
        "stresstest chaos --duration 1000 --fail-rate 0",
        "stresstest leak --cycles 4 --inject-leak",
        "frob",
    };

    public LavaRunTests(LavaImages images)
    {
        _ = images;
    }

    [Theory]
    [InlineData("x64")]
    [InlineData("arm64")]
    public async Task LavaRunsTheJobAndAgreesWithRunAndParse(string arch)
    {
        string dir = Directory.CreateTempSubdirectory($"kstress-lava-{arch}").FullName;
        try
        {
            string job = Path.Combine(dir, "job.yaml"), device = Path.Combine(dir, "device.yaml"), rawUart = Path.Combine(dir, "uart.raw");
            (int code, _, string stdErr) = await LavaDispatcher.Kstress(new[] { "lava", "--arch", arch, "--seed", Seed, "-o", job, "--device-dict", device }
                .Concat(s_commands.SelectMany(c => new[] { "-c", c })).ToArray());
            Assert.True(code == 0, stdErr);
            // The same session's raw UART, for comparing parse of LAVA's log with parse of the bytes themselves.
            string dictionary = File.ReadAllText(device);
            Assert.Contains("- -serial stdio\n", dictionary);
            File.WriteAllText(device, dictionary.Replace("- -serial stdio\n", $"- -chardev stdio,id=uart,signal=off,logfile={rawUart}\n          - -serial chardev:uart\n"));

            (int lavaCode, string log) = await LavaDispatcher.RunJobAsync(job, device, Path.Combine(dir, "lava"));

            Assert.True(lavaCode == 0, log);
            Assert.Equal("pass", LavaDispatcher.JobResult(log));
            List<(string Case, string Result)> lava = LavaDispatcher.Results(log, $"0_{LavaJob.TestName}");
            Assert.Equal(new[] { "pass", "pass", "fail", "fail" }, lava.Select(r => r.Result));

            // The same commands and seed through kstress run: its test cases and verdicts are LAVA's.
            string junit = Path.Combine(dir, "run.xml"), json = Path.Combine(dir, "run.json"), runKcidb = Path.Combine(dir, "run.kcidb.json");
            (int runCode, _, string runErr) = await LavaDispatcher.Kstress(new[] { "run", "--no-build", "-q", "--arch", arch, "--seed", Seed, "--junit", junit, "--json", json, "--kcidb", runKcidb }
                .Concat(s_commands.SelectMany(c => new[] { "-c", c })).ToArray());
            Assert.True(runCode == (int)ExitCode.TestFailure, runErr);
            var runCases = XDocument.Load(junit).Descendants("testcase")
                .Select(c => ((string)c.Attribute("name")!, c.Element("failure") is null && c.Element("error") is null ? "pass" : "fail")).ToList();
            Assert.Equal(runCases.Select((c, i) => (LavaOutcome.CaseName(i + 1, c.Item1), c.Item2)), lava);

            // kstress parse of LAVA's log: the report of the raw UART, byte for byte, in either log format.
            string lavaLog = Path.Combine(dir, "lava.log"), serverLog = Path.Combine(dir, "lava.yaml");
            File.WriteAllText(lavaLog, log);
            File.WriteAllLines(serverLog, log.Split('\n').Where(l => l.StartsWith('{')).Select(l => "- " + l));
            string fromLava = await Parse(lavaLog, dir), fromServer = await Parse(serverLog, dir), fromUart = await Parse(rawUart, dir);
            Assert.Equal(fromUart, fromLava);
            Assert.Equal(fromUart, fromServer);

            using JsonDocument parsed = JsonDocument.Parse(fromLava), run = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal("FAIL", parsed.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(Commands(run), Commands(parsed));
            Assert.Equal(Results(run), Results(parsed));

            // Both as KernelCI results: KCIDB v5.3 submissions with the same paths and statuses.
            string parseKcidb = Path.Combine(dir, "parse.kcidb.json");
            (int kcidbCode, _, string kcidbErr) = await LavaDispatcher.Kstress("parse", lavaLog, "-o", Path.Combine(dir, "again.json"), "--kcidb", parseKcidb);
            Assert.True(kcidbCode == (int)ExitCode.TestFailure, kcidbErr);
            Assert.Null(KernelCi.KcidbSchema.Errors(File.ReadAllText(runKcidb)));
            Assert.Null(KernelCi.KcidbSchema.Errors(File.ReadAllText(parseKcidb)));
            Assert.Equal(KcidbTests(runKcidb), KcidbTests(parseKcidb));
            Assert.Equal(new[] { "kernelstress.prng PASS", "kernelstress.chaos PASS", "kernelstress.leak FAIL", "kernelstress.frob FAIL" }, KcidbTests(runKcidb));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Negative control: the same job without the failure patterns (Lava/LavaOutcome.cs), run by
    /// lava-run, passes the commands run fails, so the comparison above would catch a job that
    /// stopped judging them.
    /// </summary>
    [Fact]
    public async Task WithoutTheFailurePatternsLavaPassesWhatRunFails()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-lava-nofail").FullName;
        try
        {
            string job = Path.Combine(dir, "job.yaml"), device = Path.Combine(dir, "device.yaml");
            var target = KernelTarget.From("x64", null);
            string[] commands = { "stresstest leak --cycles 4 --inject-leak", "frob" };
            Dictionary<string, object> definition = LavaJob.Build(new LavaJobRequest(target, new Uri(RepoRoot.Resolve(LavaJob.ImagePath(target))).AbsoluteUri, commands, 5, null));
            var test = (Dictionary<string, object>)((Dictionary<string, object>)((List<object>)definition["actions"])[2])["test"];
            var interactive = (Dictionary<string, object>)((List<object>)test["interactive"])[0];
            foreach (Dictionary<string, object> step in ((List<object>)interactive["script"]).Cast<Dictionary<string, object>>())
            {
                step.Remove("failures");
            }
            File.WriteAllText(job, LavaYaml.Serialize(definition));
            File.WriteAllText(device, LavaYaml.Serialize(LavaDeviceDictionary.Build(ProfileCatalog.Load().ForArch("x64"))));

            (int lavaCode, string log) = await LavaDispatcher.RunJobAsync(job, device, Path.Combine(dir, "lava"));

            Assert.True(lavaCode == 0, log);
            Assert.Equal(new[] { "pass", "pass" }, LavaDispatcher.Results(log, $"0_{LavaJob.TestName}").Select(r => r.Result));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A job LAVA itself cannot run (its image does not exist): parse of its log is ERROR with LAVA's message.</summary>
    [Fact]
    public async Task ALavaJobFailureIsAnErrorWithLavasMessage()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-lava-missing").FullName;
        try
        {
            string job = Path.Combine(dir, "job.yaml"), device = Path.Combine(dir, "device.yaml"), lavaLog = Path.Combine(dir, "lava.log");
            (int code, _, string stdErr) = await LavaDispatcher.Kstress("lava", "-c", "uptime", "--image-url", $"file://{dir}/missing.bin", "-o", job, "--device-dict", device);
            Assert.True(code == 0, stdErr);

            (_, string log) = await LavaDispatcher.RunJobAsync(job, device, Path.Combine(dir, "lava"));
            Assert.Equal("fail", LavaDispatcher.JobResult(log));
            File.WriteAllText(lavaLog, log);
            (int parseCode, _, string parseErr) = await LavaDispatcher.Kstress("parse", lavaLog, "-o", Path.Combine(dir, "report.json"));

            Assert.Equal((int)ExitCode.Infrastructure, parseCode);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            Assert.Equal("ERROR", report.RootElement.GetProperty("verdict").GetString());
            string error = report.RootElement.GetProperty("error").GetString()!;
            Assert.StartsWith("LAVA: the job failed (Job error): ", error);
            Assert.Contains("missing.bin", error);
            Assert.Contains("LAVA: the job failed", parseErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> Parse(string log, string dir)
    {
        string output = Path.Combine(dir, Path.GetFileName(log) + ".json");
        (int code, _, string stdErr) = await LavaDispatcher.Kstress("parse", log, "-o", output);
        Assert.True(code == (int)ExitCode.TestFailure, $"parse {log}: exit {code}: {stdErr}");
        return File.ReadAllText(output);
    }

    private static List<string> KcidbTests(string file)
    {
        using JsonDocument submission = JsonDocument.Parse(File.ReadAllText(file));
        return submission.RootElement.GetProperty("tests").EnumerateArray().Select(t => $"{t.GetProperty("path").GetString()} {t.GetProperty("status").GetString()}").ToList();
    }

    private static List<string> Commands(JsonDocument report) =>
        report.RootElement.GetProperty("commands").EnumerateArray()
            .Select(c => c.GetProperty("command").GetString() + " => " + string.Join(" | ", c.GetProperty("errors").EnumerateArray().Select(e => e.GetString()))).ToList();

    /// <summary>Each result record's test, seed and verdict (the measured numbers differ from boot to boot).</summary>
    private static List<string> Results(JsonDocument report) =>
        report.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("test").GetString()} seed={(r.TryGetProperty("seed", out JsonElement s) ? s.ToString() : "-")} {r.GetProperty("verdict").GetString()}").ToList();
}
