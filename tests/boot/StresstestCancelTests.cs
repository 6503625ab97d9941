using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Ctrl-C ends a long stress run early and cleanly: the summary still comes, the status says it was
/// cancelled, and the kernel answers the next command. Drives QEMU byte by byte (the session runner
/// waits for each prompt and cannot type during a command).
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
        using var cancel = new CancellationTokenSource(Timeout);
        QemuCommandLine line = QemuCommandLine.Create(_kernel.Profile, _kernel.ImagePath,
            _kernel.Profile.MemoryMb.Default, _kernel.Profile.Smp.Default, SerialMode.Stdio);
        await using IMachine machine = QemuMachine.Start(line);
        var seen = new StringBuilder();

        await ReadUntilAsync(machine, seen, "ks> ", cancel.Token);
        await TypeAsync(machine, "stresstest memory --duration 60000\r", cancel.Token);
        await ReadUntilAsync(machine, seen, "[STRESSTEST] Memory: ", cancel.Token);
        await Task.Delay(700, cancel.Token);
        await TypeAsync(machine, "\x03", cancel.Token);
        await ReadUntilAsync(machine, seen, "cancelled by Ctrl-C)", cancel.Token);
        Assert.Contains("Status: PARTIAL PASS", seen.ToString());
        await TypeAsync(machine, "echo still here\r", cancel.Token);
        await ReadUntilAsync(machine, seen, "\r\nstill here\r\n", cancel.Token);
        await TypeAsync(machine, "poweroff\r", cancel.Token);
        Assert.Equal(_kernel.PoweroffExitCode, await machine.WaitForExitAsync(cancel.Token));
    }

    private static ValueTask TypeAsync(IMachine machine, string text, CancellationToken cancel) =>
        machine.WriteAsync(Encoding.ASCII.GetBytes(text), cancel);

    private static async Task ReadUntilAsync(IMachine machine, StringBuilder seen, string marker, CancellationToken cancel)
    {
        int from = seen.Length;
        while (seen.ToString().IndexOf(marker, from, StringComparison.Ordinal) < 0)
        {
            byte[]? chunk = await machine.ReadAsync(cancel);
            Assert.True(chunk != null, $"the kernel stopped before printing '{marker}':\n{seen}");
            seen.Append(Encoding.ASCII.GetString(chunk));
        }
    }
}
