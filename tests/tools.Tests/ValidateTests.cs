using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Validation;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>validate's rules on crafted results: each seed 001 check and each threshold level can pass, warn, fail or skip.</summary>
public class ValidateTests
{
    private static LoadedRun Run(string log, string source = "run.log") => new(source, Reports.Parse(log));

    private static RuleOutcome Rule(IEnumerable<RuleOutcome> outcomes, string startsWith) => outcomes.Single(o => o.Rule.StartsWith(startsWith));

    private static Policy DefaultPolicy() => Policy.Load(RepoRoot.Resolve("policies/default.json"));

    private static string MemoryRun(ulong seed, string counters = "\"ops\":1000,\"failed\":0,\"mem_peak_bytes\":4096", long p99 = 9000) =>
        Records.Session(($"stresstest memory --seed {seed}", Records.Result(1, seed: seed, counters: counters, histograms: $"\"alloc\":{Records.Histogram(500, p99)}") + "\r\n"));

    [Fact]
    public void IdenticalResultsWithDifferentSeedsAreDeterministic()
    {
        var outcomes = Validator.Validate(new[] { Run(MemoryRun(1)), Run(MemoryRun(2)) }, DefaultPolicy());
        RuleOutcome variability = Rule(outcomes, "results vary");
        Assert.Equal(RuleStatus.Fail, variability.Status);
        Assert.Contains("seeds 1, 2 gave identical counters and percentiles (deterministic)", variability.Detail);
    }

    [Fact]
    public void DifferingResultsVary()
    {
        var outcomes = Validator.Validate(new[] { Run(MemoryRun(1)), Run(MemoryRun(2, p99: 9500)) }, DefaultPolicy());
        Assert.Equal(RuleStatus.Pass, Rule(outcomes, "results vary").Status);
    }

    [Fact]
    public void OneRunCannotShowVariability()
    {
        Assert.Equal(RuleStatus.Skip, Rule(Validator.Validate(new[] { Run(MemoryRun(1)) }, DefaultPolicy()), "results vary").Status);
    }

    [Theory]
    [InlineData(4, RuleStatus.Fail)]
    [InlineData(5, RuleStatus.Pass)]
    [InlineData(23, RuleStatus.Pass)]
    public void CompareNeedsFiveInterventionsWithAutonomyOn(long interventions, RuleStatus expected)
    {
        string log = Records.Session(("stresstest compare memory", Records.Compare(1, interventions) + "\r\n"));
        RuleOutcome compare = Rule(Validator.Validate(new[] { Run(log) }, DefaultPolicy()), "compare shows >= 5");
        Assert.Equal(expected, compare.Status);
        Assert.Contains($"{interventions} intervention(s) with autonomy on", compare.Detail);
    }

    [Fact]
    public void ZeroP99WithValuesMeansLatencyTrackingIsBroken()
    {
        RuleOutcome p99 = Rule(Validator.Validate(new[] { Run(MemoryRun(1, p99: 0)) }, DefaultPolicy()), "p99 is not zero");
        Assert.Equal(RuleStatus.Fail, p99.Status);
        Assert.Contains("histogram 'alloc' counted 1000 values but p99_ns is 0", p99.Detail);
    }

    [Theory]
    [InlineData(0, RuleStatus.Pass)]    // 0% errors
    [InlineData(5, RuleStatus.Warn)]    // 0.5%: above seed 002's 0.1% warning level
    [InlineData(20, RuleStatus.Fail)]   // 2%: above its 1% failure level
    public void ErrorRateLevelsComeFromThePolicy(long failed, RuleStatus expected)
    {
        RuleOutcome rate = Rule(Validator.Validate(new[] { Run(MemoryRun(1, counters: $"\"ops\":1000,\"failed\":{failed}")) }, DefaultPolicy()), "error rate");
        Assert.Equal(expected, rate.Status);
        Assert.Contains($"max error_rate = {(failed / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)} in memory seed 1 (run.log)", rate.Detail);
    }

    [Fact]
    public void AMetricTheKernelDoesNotReportIsSkippedNotPassed()
    {
        RuleOutcome cpu = Rule(Validator.Validate(new[] { Run(MemoryRun(1)) }, DefaultPolicy()), "cpu busy");
        Assert.Equal(RuleStatus.Skip, cpu.Status);
        Assert.Equal("no result reports cpu_busy_pct", cpu.Detail);
    }

    [Fact]
    public void RatioRulesDivideAndFilterByTest()
    {
        string chaos = Records.Session(("stresstest chaos", Records.Result(1, test: "chaos", verdict: "PARTIAL", counters: "\"ops\":40,\"failed\":12,\"faults_injected\":40,\"recovered\":28") + "\r\n"));
        var outcomes = Validator.Validate(new[] { Run(chaos) }, DefaultPolicy());
        RuleOutcome recovery = Rule(outcomes, "recovery precision");
        Assert.Equal(RuleStatus.Warn, recovery.Status);
        Assert.Contains("min counters.recovered / counters.faults_injected = 0.7", recovery.Detail);
        Assert.Equal(RuleStatus.Skip, Rule(outcomes, "error rate").Status); // chaos injects failures on purpose
        Assert.Equal(RuleStatus.Warn, Rule(outcomes, "session and result verdicts").Status);
    }

    [Fact]
    public async Task ExitCodeIsOneWhenARuleFailsAndZeroWhenItOnlyWarns()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-validate").FullName;
        try
        {
            string failing = Path.Combine(dir, "fail.log"), warning = Path.Combine(dir, "warn.log");
            File.WriteAllText(failing, MemoryRun(1, counters: "\"ops\":1000,\"failed\":50"));
            File.WriteAllText(warning, MemoryRun(1, counters: "\"ops\":1000,\"failed\":5"));

            (int failCode, string failOut, _) = await Invoke("validate", failing);
            (int warnCode, string warnOut, string warnErr) = await Invoke("validate", warning);

            Assert.Equal((int)ExitCode.TestFailure, failCode);
            Assert.Contains("FAIL error rate", failOut);
            Assert.Equal((int)ExitCode.Pass, warnCode);
            Assert.Contains("WARN error rate", warnOut);
            Assert.Contains("0 failed, 1 warned", warnErr);
            Assert.All(Records.Lines(warnOut).Where(l => l.Length > 0), l => Assert.Matches("^(PASS|WARN|FAIL|SKIP) ", l));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"schema\":1,\"rules\":[{\"name\":\"x\",\"metric\":\"p99\",\"max\":{\"fail\":1}}]}", "rule 'x': unknown metric 'p99'")]
    [InlineData("{\"schema\":1,\"rules\":[{\"name\":\"x\",\"metric\":\"p99_ns\"}]}", "rule 'x': give exactly one of \"min\" and \"max\"")]
    [InlineData("{\"schema\":1,\"rulez\":[]}", "is not valid")]
    [InlineData("{\"schema\":2}", "has schema 2")]
    public async Task BadPoliciesAreUsageErrorsNamingTheProblem(string policy, string message)
    {
        string dir = Directory.CreateTempSubdirectory("kstress-policy").FullName;
        try
        {
            string path = Path.Combine(dir, "policy.json"), log = Path.Combine(dir, "run.log");
            File.WriteAllText(path, policy);
            File.WriteAllText(log, MemoryRun(1));
            (int code, _, string stdErr) = await Invoke("validate", log, "--policy", path);
            Assert.Equal((int)ExitCode.Usage, code);
            Assert.Contains(message, stdErr);
            Assert.DoesNotContain("   at ", stdErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task MissingInputIsOneLineUsageError()
    {
        (int code, _, string stdErr) = await Invoke("validate", "/nonexistent/run.json");
        Assert.Equal((int)ExitCode.Usage, code);
        Assert.StartsWith("kstress: error: cannot read '/nonexistent/run.json'", stdErr);
        Assert.Single(Records.Lines(stdErr), l => l.Length > 0);
    }

    [Fact]
    public async Task RepeatReportsAreJudgedRunByRun()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-repeat").FullName;
        try
        {
            string json = Path.Combine(dir, "repeat.json");
            File.WriteAllText(json, Reports.Render("json", Reports.Parse(MemoryRun(1)), Reports.Parse(MemoryRun(2))));
            (int code, string stdOut, _) = await Invoke("validate", json);
            Assert.Equal((int)ExitCode.TestFailure, code);
            Assert.Contains("FAIL results vary across runs (seed 001): memory: 2 runs with seeds 1, 2", stdOut);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Code, string StdOut, string StdErr)> Invoke(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdOut.ToString(), stdErr.ToString());
    }
}
