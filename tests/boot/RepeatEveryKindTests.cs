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
/// <c>kstress run --repeat 2</c> with one short run of every stresstest kind (and a compare): run appends
/// each session's seed to every command, so every kind must take --seed. No command answers an error line,
/// and each session has a result record of every kind run with the seed printed for that session.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RepeatEveryKindTests
{
    private const int Sessions = 2;

    private static readonly (string Test, string Command)[] s_kinds =
    {
        ("memory", "stresstest memory --duration 300 --summary"),
        ("commands", "stresstest commands --duration 300 --rate 200 --summary"),
        ("multi", "stresstest multi --duration 300 --rate 200 --summary"),
        ("learning", "stresstest learning --duration 400 --episodes 4 --summary"),
        ("redteam", "stresstest redteam --duration 200 --summary"),
        ("chaos", "stresstest chaos --duration 300 --summary"),
        ("ramp", "stresstest ramp --levels 5 --level-duration 200 --summary"),
        ("leak", "stresstest leak --cycles 2 --summary"),
        ("scale", "stresstest scale --duration 200 --threads 1 --components alloc --summary"),
        ("concurrency", "stresstest concurrency --duration 300 --clients 2 --summary"),
        ("recovery", "stresstest recovery --kills 2 --summary"),
        ("mix", "stresstest mix --ops 300 --summary"),
        ("storm", "stresstest storm --failures 50 --summary"),
    };

    private readonly BootedKernel _kernel;

    public RepeatEveryKindTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryKindRunsUnderRepeatWithItsSessionSeed()
    {
        string json = Path.Combine(Path.GetTempPath(), $"kstress-repeat-kinds-{Guid.NewGuid():N}.json");
        try
        {
            string[] commands = s_kinds.Select(k => k.Command).Append("stresstest compare memory --duration 200 --summary").ToArray();
            var settings = new RunCommand.Settings(new MachineChoice(_kernel.Profile, _kernel.Profile.MemoryMb.Default, _kernel.Profile.Smp.Default, AllowBuild: false),
                commands, json, null, null, Sessions, Quiet: true);
            var stdErr = new StringWriter();

            await RunCommand.HandleAsync(settings, QemuMachine.Launcher, new StringWriter(), stdErr, CancellationToken.None);

            ulong[] printed = Regex.Matches(stdErr.ToString(), @"kstress: session (\d): seed (\d+)")
                .OrderBy(m => int.Parse(m.Groups[1].Value)).Select(m => ulong.Parse(m.Groups[2].Value)).ToArray();
            Assert.Equal(Sessions, printed.Distinct().Count());
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement[] runs = report.RootElement.GetProperty("runs").EnumerateArray().ToArray();
            Assert.Equal(Sessions, runs.Length);
            foreach (JsonElement run in runs)
            {
                string[] errors = run.GetProperty("commands").EnumerateArray()
                    .SelectMany(c => c.GetProperty("errors").EnumerateArray().Select(e => c.GetProperty("command").GetString() + ": " + e.GetString()))
                    .ToArray();
                Assert.True(errors.Length == 0, string.Join("\n", errors));
                JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
                ulong seed = results[0].GetProperty("seed").GetUInt64();
                Assert.Contains(seed, printed);
                foreach ((string test, _) in s_kinds)
                {
                    JsonElement result = results.First(r => r.GetProperty("test").GetString() == test);
                    Assert.Equal(seed, result.GetProperty("seed").GetUInt64());
                }
                Assert.Equal(s_kinds.Length + 2, results.Length);
            }
        }
        finally
        {
            File.Delete(json);
        }
    }
}
