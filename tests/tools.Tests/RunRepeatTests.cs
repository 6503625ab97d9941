using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Commands;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// run's repeat machinery against fake kernels (one per boot): seeds appended to stresstest
/// commands and printed, --seed replays, --parallel, plain progress lines from progress records,
/// the summary and variability tables, and every output file.
/// </summary>
public sealed class RunRepeatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kstress-repeat").FullName;
    private readonly List<FakeKernel> _kernels = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A fake whose stresstest answers as the kernel does: progress records, then a result whose figures follow the seed.</summary>
    private FakeKernel StressKernel() => StressKernel("PASS");

    private FakeKernel StressKernel(string verdict)
    {
        var kernel = new FakeKernel();
        kernel.Commands["stresstest"] = k =>
        {
            string line = k.Received[^1];
            Match seed = Regex.Match(line, @"--seed (\d+)");
            ulong value = seed.Success ? ulong.Parse(seed.Groups[1].Value) : 0;
            k.Record("{\"type\":\"progress\",\"seq\":%SEQ%,\"test\":\"memory\",\"elapsed_ms\":1000,\"duration_ms\":2000,\"ops\":3000,\"failed\":0,\"pressure_pct\":61,\"oom_events\":1}");
            k.Record("{\"type\":\"result\",\"seq\":%SEQ%,\"schema\":1,\"test\":\"memory\",\"args\":\"" + line.Substring("stresstest memory".Length).Trim() + "\",\"seed\":" + value
                + ",\"arch\":\"x64\",\"cpus\":1,\"autonomy\":false,\"duration_ms\":2000,\"verdict\":\"" + verdict + "\",\"reason\":\"done\",\"counters\":{\"ops\":" + (6000 + value % 1000)
                + ",\"failed\":0},\"histograms\":{\"alloc\":" + Records.Histogram(500, 9000 + (long)(value % 977)) + "},\"autonomy_metrics\":{\"total_interventions\":0}}");
        };
        lock (_kernels)
        {
            _kernels.Add(kernel);
        }
        return kernel;
    }

    private sealed class Launcher : IMachineLauncher
    {
        private readonly Func<FakeKernel> _create;

        public Launcher(Func<FakeKernel> create) => _create = create;

        public IMachine Start(QemuCommandLine commandLine) => _create().Start(commandLine);
    }

    private RunCommand.Settings Settings(int repeat, params string[] commands)
    {
        string image = Path.Combine(_dir, "kernel.bin");
        File.WriteAllText(image, "fake");
        MachineProfile x64 = ProfileCatalog.Load().ForArch("x64");
        var profile = new MachineProfile
        {
            Comment = x64.Comment, Name = x64.Name, Arch = x64.Arch, Binary = x64.Binary, Package = x64.Package, Image = image,
            MemoryMb = x64.MemoryMb, Smp = x64.Smp, Args = x64.Args, ExitCodes = x64.ExitCodes,
            BootTimeoutSeconds = 5, CommandTimeoutSeconds = 5,
        };
        return new RunCommand.Settings(new MachineChoice(profile, 128, 1, AllowBuild: false), commands, null, null, null, repeat, Quiet: true);
    }

    private async Task<(int Code, string StdOut, string StdErr)> Run(RunCommand.Settings settings, string verdict = "PASS")
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await RunCommand.HandleAsync(settings, new Launcher(() => StressKernel(verdict)), stdOut, stdErr, CancellationToken.None);
        return (code, stdOut.ToString(), stdErr.ToString());
    }

    [Fact]
    public async Task AFailedSessionPrintsTheCommandThatReplaysItsSeed()
    {
        (int code, _, string stdErr) = await Run(Settings(2, "stresstest memory --duration 2000"), verdict: "FAIL");

        Assert.Equal((int)ExitCode.TestFailure, code);
        foreach (Match session in Regex.Matches(stdErr, @"kstress: session \d: seed (\d+)"))
        {
            Assert.Contains($"kstress: replay it: ./kstress run --seed {session.Groups[1].Value} -c 'stresstest memory --duration 2000'", stdErr);
        }
        Assert.Equal(2, Regex.Matches(stdErr, "kstress: replay it:").Count);
    }

    [Fact]
    public async Task EachSessionGetsAFreshPrintedSeed()
    {
        (int code, _, string stdErr) = await Run(Settings(3, "stresstest memory --duration 2000", "help"));

        Assert.Equal((int)ExitCode.Pass, code);
        var printed = Regex.Matches(stdErr, @"kstress: session (\d): seed (\d+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(3, printed.Count);
        Assert.Equal(3, printed.Values.Distinct().Count());
        var typed = _kernels.Select(k => k.Received[1]).OrderBy(c => c).ToList();
        Assert.Equal(printed.Values.Select(s => $"stresstest memory --duration 2000 --seed {s}").OrderBy(c => c), typed);
        Assert.All(_kernels, k => Assert.Equal("help", k.Received[2]));
    }

    [Fact]
    public async Task SeedOptionReplaysAndLeavesCommandsWithTheirOwnSeedAlone()
    {
        (int code, _, _) = await Run(Settings(2, "stresstest memory", "stresstest memory --seed 5") with { Seed = 7 });

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.All(_kernels, k => Assert.Equal(new[] { "records on", "stresstest memory --seed 7", "stresstest memory --seed 5", "poweroff" }, k.Received));
    }

    [Fact]
    public async Task SeedWithoutAStresstestCommandIsAUsageError()
    {
        KstressException e = await Assert.ThrowsAsync<KstressException>(() => Run(Settings(1, "help") with { Seed = 7 }));
        Assert.Equal(ExitCode.Usage, e.ExitCode);
        Assert.StartsWith("--seed 7 would not be used", e.Message);
    }

    [Fact]
    public async Task ParallelSessionsAllRunAndProgressIsPlainLines()
    {
        string json = Path.Combine(_dir, "out.json");
        (int code, string stdOut, string stdErr) = await Run(Settings(3, "stresstest memory") with { Parallel = 3, JsonPath = json });

        Assert.Equal((int)ExitCode.Pass, code);
        Assert.Equal(3, _kernels.Count);
        for (int s = 1; s <= 3; s++)
        {
            Assert.Contains($"kstress: session {s}: memory: 1.0 of 2.0 s, ops 3000, failed 0, pressure 61%, oom events 1", stdErr);
            Assert.Contains($"kstress: session {s}: PASS: 1 command(s)", stdErr);
        }
        Assert.Contains("kstress run summary", stdOut);
        Assert.Contains("variability across sessions", stdOut);

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = report.RootElement;
        Assert.Equal(3, root.GetProperty("runs").GetArrayLength());
        Assert.Equal(3, root.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()).Distinct().Count());
        JsonElement p99 = root.GetProperty("variability").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "p99_ns");
        Assert.Equal(3, p99.GetProperty("n").GetInt32());
        double[] values = root.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("results")[0].GetProperty("histograms").GetProperty("alloc").GetProperty("p99_ns").GetDouble()).ToArray();
        Assert.Equal(values.Min(), p99.GetProperty("min").GetDouble());
        Assert.Equal(values.Max(), p99.GetProperty("max").GetDouble());
        Assert.Equal(values.Average(), p99.GetProperty("mean").GetDouble(), 6);
    }

    [Fact]
    public async Task EveryOutputFileIsWrittenForEverySession()
    {
        string junit = Path.Combine(_dir, "out.xml"), csv = Path.Combine(_dir, "out.csv"), ktap = Path.Combine(_dir, "out.ktap"), log = Path.Combine(_dir, "uart.log");
        (int code, _, _) = await Run(Settings(2, "stresstest memory") with { JUnitPath = junit, CsvPath = csv, KtapPath = ktap });
        Assert.Equal((int)ExitCode.Pass, code);
        Assert.Equal(2, File.ReadAllText(junit).Split("<testsuite ").Length - 1);
        Assert.Equal(3, File.ReadAllLines(csv).Length);
        Assert.StartsWith("KTAP version 1\n1..2\n", File.ReadAllText(ktap));

        (code, _, _) = await Run(new RunCommand.Settings(Settings(2, "help").Machine, new[] { "help" }, null, log, null, 2, true));
        Assert.Equal((int)ExitCode.Pass, code);
        Assert.True(File.Exists(Path.Combine(_dir, "uart.1.log")) && File.Exists(Path.Combine(_dir, "uart.2.log")));
        Assert.False(File.Exists(log));
    }
}
