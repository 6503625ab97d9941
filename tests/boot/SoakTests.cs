using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Commands;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The CI-sized soak: <c>kstress run --repeat 3</c> of a chaos run with faults injected, each session on a
/// fresh boot with its own seed (the nightly soak is the same with a larger --repeat and --duration, see
/// README). Every session passes, the seeds differ and are printed, and each session's result record ran
/// with the seed printed for it, so any failure can be replayed.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SoakTests
{
    private const int Sessions = 3;
    private const string Chaos = "stresstest chaos --duration 1000 --fail-rate 20 --expect-failures";

    private readonly BootedKernel _kernel;

    public SoakTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task RepeatedChaosRunsPassWithTheirOwnPrintedSeeds()
    {
        string json = Path.Combine(Path.GetTempPath(), $"kstress-soak-{Guid.NewGuid():N}.json");
        try
        {
            var settings = new RunCommand.Settings(new MachineChoice(_kernel.Profile, _kernel.Profile.MemoryMb.Default, _kernel.Profile.Smp.Default, AllowBuild: false),
                new[] { Chaos }, json, null, null, Sessions, Quiet: true);
            var stdOut = new StringWriter();
            var stdErr = new StringWriter();

            int code = await RunCommand.HandleAsync(settings, QemuMachine.Launcher, stdOut, stdErr, CancellationToken.None);

            Assert.True(code == (int)ExitCode.Pass, stdErr.ToString());
            ulong[] printed = Regex.Matches(stdErr.ToString(), @"kstress: session \d: seed (\d+)").Select(m => ulong.Parse(m.Groups[1].Value)).ToArray();
            Assert.Equal(Sessions, printed.Distinct().Count());
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
            ulong[] ran = report.RootElement.GetProperty("runs").EnumerateArray()
                .Select(run => run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("test").GetString() == "chaos").GetProperty("seed").GetUInt64())
                .ToArray();
            Assert.Equal(printed.OrderBy(s => s), ran.OrderBy(s => s));
        }
        finally
        {
            File.Delete(json);
        }
    }
}
