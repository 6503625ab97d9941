using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Prng;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The kernel's <c>prng</c> prints exactly the stream the same portable code gives on the host for
/// the same seed and generator, and its result record agrees (first, last, XOR of all). Without
/// <c>--seed</c> the kernel picks a seed, prints and records it, and that seed replays the run.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class PrngMatchesHostTests
{
    private const int Count = 100;

    private readonly BootedKernel _kernel;

    public PrngMatchesHostTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Theory]
    [InlineData("xorshift64", 42UL)]
    [InlineData("xorshift64star", 42UL)]
    [InlineData("xorshift64star", 18446744073709551615UL)]
    public async Task TheKernelStreamEqualsTheHostStream(string generator, ulong seed)
    {
        string command = $"prng --seed {seed} --count {Count} --gen {generator}";
        SessionResult session = await _kernel.RunAsync(command);

        ulong[] expected = HostStream(generator, seed, Count);
        Assert.Equal(expected, Printed(session, command));
        JsonElement result = session.Report.Results.Single();
        Assert.Equal(seed, result.GetProperty("seed").GetUInt64());
        Assert.Equal(expected[0], result.GetProperty("first").GetUInt64());
        Assert.Equal(expected[^1], result.GetProperty("last").GetUInt64());
        Assert.Equal(expected.Aggregate(0UL, (x, v) => x ^ v), result.GetProperty("xor").GetUInt64());
    }

    [Fact]
    public async Task AChosenSeedIsRecordedAndReplaysTheRun()
    {
        SessionResult first = await _kernel.RunAsync("prng --count 5");
        ulong seed = first.Report.Results.Single().GetProperty("seed").GetUInt64();
        Assert.Equal(HostStream("xorshift64star", seed, 5), Printed(first, "prng --count 5"));
    }

    private static ulong[] HostStream(string generator, ulong seed, int count)
    {
        var values = new ulong[count];
        if (generator == "xorshift64")
        {
            var g = new Xorshift64(seed);
            for (int i = 0; i < count; i++) values[i] = g.NextU64();
        }
        else
        {
            var g = new Xorshift64Star(seed);
            for (int i = 0; i < count; i++) values[i] = g.NextU64();
        }
        return values;
    }

    private static List<ulong> Printed(SessionResult session, string command)
    {
        var lines = BootedKernel.Lines(session).ToList();
        int echo = lines.FindIndex(l => l.IsEcho && l.EchoedCommand == command);
        return lines.Skip(echo + 2).TakeWhile(l => !l.HasRecord && !l.IsEcho && ulong.TryParse(l.Text, out _))
            .Select(l => ulong.Parse(l.Text)).ToList();
    }
}
