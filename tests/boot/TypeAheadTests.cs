using System;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A line typed while the kernel boots, before it owns the UART, arrives whole: the receiver's
/// byte from before the line was configured is kept (kernel/arch/UartTypeAhead.cs), not lost to
/// the FIFO reset (it used to arrive as "cho typed ahead").
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
            typedAhead: "echo typed ahead\r");

        string answer = await console.ExpectAsync("ks> ", TimeSpan.FromSeconds(10));
        Assert.Equal("echo typed ahead\r\ntyped ahead\r\nks> ", answer);
    }
}
