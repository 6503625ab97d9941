using System;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A line typed while the kernel boots, before it owns the UART, arrives whole: the x64 UART keeps
/// its FIFOs off and the PL011 keeps them as it found them, so the byte the receiver held is not
/// lost to a FIFO reset (the line used to arrive as "cho typed ahead ..."; reading that byte first
/// still lost a later one to the reset).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class TypeAheadTests
{
    private readonly BootedKernel _kernel;

    public TypeAheadTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ALineTypedDuringBootRunsWhole()
    {
        await using RawConsole console = await RawConsole.BootAsync(_kernel.Profile, _kernel.ImagePath, _kernel.Profile.Smp.Default,
            typedAhead: "echo typed ahead while the kernel boots\r");

        string answer = await console.ExpectAsync("ks> ", TimeSpan.FromSeconds(10));
        Assert.Equal("echo typed ahead while the kernel boots\r\ntyped ahead while the kernel boots\r\nks> ", answer);
    }
}
