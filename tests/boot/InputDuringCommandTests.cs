using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The UART receive interrupt buffers what a person types while a command runs: a line typed
/// during <c>sleep</c> runs after it, nothing lost. Ctrl-C ends a running <c>sleep</c> early.
/// Drives QEMU byte by byte (not through the session runner, which waits for each prompt).
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
        using var cancel = new CancellationTokenSource(Timeout);
        QemuCommandLine line = QemuCommandLine.Create(_kernel.Profile, _kernel.ImagePath,
            _kernel.Profile.MemoryMb.Default, _kernel.Profile.Smp.Default, SerialMode.Stdio);
        await using IMachine machine = QemuMachine.Start(line);
        var seen = new StringBuilder();

        await ReadUntilAsync(machine, seen, "ks> ", cancel.Token);
        await TypeAsync(machine, "sleep 1500\recho typed during the sleep\r", cancel.Token);
        await ReadUntilAsync(machine, seen, "\r\ntyped during the sleep\r\n", cancel.Token);
        Assert.Contains("slept ", seen.ToString());

        await TypeAsync(machine, "sleep 20000\r", cancel.Token);
        await Task.Delay(500, cancel.Token);
        await TypeAsync(machine, "\x03", cancel.Token);
        await ReadUntilAsync(machine, seen, "cancelled after ", cancel.Token);
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
