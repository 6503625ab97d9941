using System;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The UART receive interrupt buffers what a person types while a command runs: a line typed
/// during <c>sleep</c> runs after it, nothing lost. Ctrl-C ends a running <c>sleep</c> early.
/// Drives QEMU byte by byte (<see cref="RawConsole"/>).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class InputDuringCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly BootedKernel _kernel;

    public InputDuringCommandTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ALineTypedDuringSleepRunsAfterItAndCtrlCCancelsASleep()
    {
        await using RawConsole console = await RawConsole.BootAsync(_kernel.Profile, _kernel.ImagePath, _kernel.Profile.Smp.Default);

        await console.TypeAsync("sleep 1500\recho typed during the sleep\r");
        string seen = await console.ExpectAsync("\r\ntyped during the sleep\r\n", Timeout);
        Assert.Contains("slept ", seen);

        await console.TypeAsync("sleep 20000\r");
        await Task.Delay(500);
        await console.TypeAsync("\x03");
        await console.ExpectAsync("cancelled after ", Timeout);
        await console.TypeAsync("poweroff\r");
        Assert.Equal(_kernel.PoweroffExitCode, await console.WaitForExitAsync(Timeout));
    }
}
