using System;
using System.Threading.Tasks;
using KernelStress.Boot.Tests.Fuzz;
using KernelStress.Tool;
using Xunit;
using Xunit.Abstractions;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Shell fuzzing against the real kernel: 10,000 generated lines (KSTRESS_FUZZ_LINES for the nightly 100,000;
/// KSTRESS_FUZZ_SEED to replay a seed), grammar-aware and random bytes. Every rejected line gets exactly the
/// answer the host's copy of the same shell code predicts, every command run brings the prompt back, the kernel
/// never panics, and the heap ends where it started. A failure leaves a reproducer in artifacts/fuzz/.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class ShellFuzzTests
{
    private const int DefaultLines = 10_000;
    private const int DefaultSeed = 20261123;

    private readonly BootedKernel _kernel;
    private readonly ITestOutputHelper _output;

    public ShellFuzzTests(BootedKernel kernel, ITestOutputHelper output)
    {
        _kernel = kernel;
        _output = output;
    }

    [Fact]
    public async Task EveryFuzzedLineIsAnsweredAndNothingLeaks()
    {
        int lines = EnvironmentNumber("KSTRESS_FUZZ_LINES", DefaultLines);
        int seed = EnvironmentNumber("KSTRESS_FUZZ_SEED", DefaultSeed);
        var fuzzer = new ShellFuzzer(_kernel.Profile, _kernel.ImagePath);

        FuzzOutcome outcome = await fuzzer.RunAsync(seed, lines, RepoRoot.Resolve("artifacts/fuzz"));

        _output.WriteLine($"seed {seed}: {outcome.Sent} lines sent ({outcome.CommandsRun} ran a command), {outcome.Skipped} generated but not sent (slow or session-ending commands)");
        Assert.Null(outcome.Failure);
        Assert.Equal(lines, outcome.Sent);
        Assert.True(outcome.CommandsRun > 0, "no generated line ran a command: the generator lost its grammar");
        foreach (string field in new[] { "heap_in_use_bytes", "heap_held_bytes", "pages_free", "managed_allocations" })
        {
            Assert.Equal(outcome.MemBefore.GetProperty(field).GetInt64(), outcome.MemAfter.GetProperty(field).GetInt64());
        }
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;
}
