using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Uart;

namespace KernelStress.Tool.Sessions;

/// <summary>
/// <c>kstress boot</c>'s session: a person's keystrokes go to QEMU's UART unchanged (Ctrl-A X and
/// QEMU's other Ctrl-A keys included), but Ctrl-A R, which QEMU does not use, cycles how records
/// are shown; the UART comes back through a <see cref="PersonView"/>, and its raw bytes to the
/// log. Ends when QEMU exits.
/// </summary>
public static class TerminalSession
{
    /// <summary>Ctrl-A: QEMU's escape key on a -serial mon:stdio console.</summary>
    public const byte EscapeKey = 0x01;

    public const string ViewHelp = "Ctrl-A R cycles how records are shown: one line each (the default), raw, hidden.";

    public static async Task RunAsync(Process qemu, PersonView view, Stream keyboard, Stream screen, Stream? log, TextWriter stdErr, CancellationToken cancellationToken)
    {
        var gate = new object();
        Stream uartIn = qemu.StandardInput.BaseStream;
        // The keyboard is read on a thread of its own: a read of a terminal cannot be cancelled,
        // and the process may end while one waits.
        var keys = new Thread(() => ForwardKeys(keyboard, uartIn, view, screen, gate)) { IsBackground = true, Name = "kstress boot keys" };
        keys.Start();
        Task errors = Task.Run(async () =>
        {
            while (await qemu.StandardError.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lock (gate)
                {
                    // The terminal is raw: a line needs its carriage return.
                    stdErr.Write(line + "\r\n");
                    stdErr.Flush();
                }
            }
        }, cancellationToken);

        Stream uartOut = qemu.StandardOutput.BaseStream;
        byte[] buffer = new byte[4096];
        int n;
        while ((n = await uartOut.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            log?.Write(buffer, 0, n);
            lock (gate)
            {
                screen.Write(view.Feed(buffer.AsSpan(0, n)));
                screen.Flush();
            }
        }
        log?.Flush();
        await qemu.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await errors.ConfigureAwait(false);
    }

    private static void ForwardKeys(Stream keyboard, Stream uartIn, PersonView view, Stream screen, object gate)
    {
        byte[] buffer = new byte[256];
        bool escape = false;
        try
        {
            int n;
            while ((n = keyboard.Read(buffer, 0, buffer.Length)) > 0)
            {
                var keys = new MemoryStream();
                for (int i = 0; i < n; i++)
                {
                    byte key = buffer[i];
                    if (escape)
                    {
                        escape = false;
                        if (key is (byte)'r' or (byte)'R')
                        {
                            lock (gate)
                            {
                                screen.Write(view.Cycle());
                                screen.Flush();
                            }
                            continue;
                        }
                        keys.WriteByte(EscapeKey);
                    }
                    else if (key == EscapeKey)
                    {
                        escape = true;
                        continue;
                    }
                    keys.WriteByte(key);
                }
                uartIn.Write(keys.ToArray());
                uartIn.Flush();
            }
        }
        catch (IOException)
        {
            // QEMU exited and closed its input: nothing more to type into.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
