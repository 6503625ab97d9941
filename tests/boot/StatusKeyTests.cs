using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Ctrl-T, the status key: while a command runs (here the shell sleeps inside <c>sleep</c>), it
/// prints the thread table at once — the shell shown sleeping, a <c>ps</c> record — and it is not
/// input: the line typed around it arrives whole.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class StatusKeyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly BootedKernel _kernel;

    public StatusKeyTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task CtrlTPrintsTheThreadTableWhileACommandRunsAndIsNotInput()
    {
        await using RawConsole console = await RawConsole.BootAsync(_kernel.Profile, _kernel.ImagePath, _kernel.Profile.Smp.Default);

        await console.TypeAsync("sleep 20000\r");
        await Task.Delay(300);
        await console.TypeAsync("\x14");
        string status = await console.ExpectAsync("\"type\":\"ps\"", Timeout);
        Assert.Contains("status (Ctrl-T):", status);
        Assert.Matches(new Regex(@"\n\s+0 shell\s+sleeping "), status);

        await console.TypeAsync("\x03");
        await console.ExpectAsync("cancelled after ", Timeout);
        await console.TypeAsync("ec\x14ho whole\r");
        await console.ExpectAsync("\r\nwhole\r\n", Timeout);
        await console.TypeAsync("poweroff\r");
        Assert.Equal(_kernel.PoweroffExitCode, await console.WaitForExitAsync(Timeout));
    }
}
