using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Uart;

/// <summary>
/// A whole captured UART log (a <c>run --log</c> file, a board's serial capture) read into the run
/// report, streamed through the same parser <c>run</c> uses. Commands come from the echo lines;
/// boot_ms and qemu_exit_code are null (nothing measured them).
/// </summary>
public static class UartLog
{
    /// <param name="elf">The image for crash symbols; null: the built image of the boot record's arch, if any.</param>
    public static async Task<RunReport> ParseAsync(Stream input, CancellationToken cancellationToken, string? elf = null)
    {
        var parser = new UartStreamParser();
        var builder = new ReportBuilder(commandsFromEcho: true);
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            foreach (UartEvent e in parser.Feed(buffer.AsSpan(0, n)))
            {
                builder.Observe(e);
            }
        }
        foreach (UartEvent e in parser.Complete())
        {
            builder.Observe(e);
        }
        CrashSymbolizer? symbolizer = builder.HasCrashes || elf is not null
            ? KernelSymbols.For(builder.Boot?.GetString("arch") ?? "x64", elf)
            : null;
        return builder.Build(Array.Empty<string>(), bootMs: null, qemuExitCode: null, symbolizer);
    }
}
