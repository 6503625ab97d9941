using System;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Ctrl-C ends a long stress run early and cleanly: the summary still comes, the status says it was
/// cancelled, and the kernel answers the next command. Drives QEMU byte by byte (<see cref="RawConsole"/>:
/// the session runner waits for each prompt and cannot type during a command).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StresstestCancelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly BootedKernel _kernel;

    public StresstestCancelTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task CtrlCCancelsARunCleanly()
    {
        await using RawConsole console = await RawConsole.BootAsync(_kernel.Profile, _kernel.ImagePath, _kernel.Profile.Smp.Default);

        await console.TypeAsync("stresstest memory --duration 60000\r");
        await console.ExpectAsync("[STRESSTEST] Memory: ", Timeout);
        await Task.Delay(700);
        await console.TypeAsync("\x03");
        string seen = await console.ExpectAsync("cancelled by Ctrl-C)", Timeout);
        Assert.Contains("Status: PARTIAL PASS", seen + await console.ExpectAsync("ks> ", Timeout));
        await console.TypeAsync("echo still here\r");
        await console.ExpectAsync("\r\nstill here\r\n", Timeout);
        await console.TypeAsync("poweroff\r");
        Assert.Equal(_kernel.PoweroffExitCode, await console.WaitForExitAsync(Timeout));
    }
}
