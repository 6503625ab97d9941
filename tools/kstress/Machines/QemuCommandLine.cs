using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace KernelStress.Tool.Machines;

/// <summary>How the UART reaches the host: plain stdio for scripted runs, multiplexed with QEMU's monitor for a person (Ctrl-A X quits).</summary>
public enum SerialMode
{
    Stdio,
    Interactive,
}

/// <summary>
/// The QEMU executable and arguments for one boot of a profile. A scripted session also gets a
/// QMP socket (<see cref="MonitorSocket"/>), through which the runner reads the CPUs' registers
/// when the kernel hangs; an interactive one has the human monitor on Ctrl-A C instead.
/// </summary>
public sealed record QemuCommandLine(string FileName, IReadOnlyList<string> Arguments, string Package, string? MonitorSocket = null)
{
    private static int s_sockets;

    /// <summary>
    /// Starts QEMU; with <paramref name="redirect"/> its stdin, stdout and stderr are pipes (a
    /// scripted session), otherwise it shares this terminal (an interactive one). A binary that
    /// cannot start is an infrastructure error naming the Debian package to install.
    /// </summary>
    public Process Start(bool redirect)
    {
        var info = new ProcessStartInfo(FileName)
        {
            RedirectStandardInput = redirect,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
        };
        foreach (string argument in Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(info) ?? throw new Win32Exception("Process.Start returned null");
        }
        catch (Win32Exception e)
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"cannot start {FileName}: {e.Message}: install the Debian package {Package} (./kstress does when run as root) or put {FileName} on PATH");
        }
    }

    /// <summary>The same command line with <paramref name="extra"/> arguments at the end.</summary>
    public QemuCommandLine With(IReadOnlyList<string> extra) => extra.Count == 0 ? this : this with { Arguments = [.. Arguments, .. extra] };

    public static QemuCommandLine Create(MachineProfile profile, string imagePath, int memoryMb, int smp, SerialMode serial)
    {
        string serialBackend = serial == SerialMode.Interactive ? "mon:stdio" : "stdio";
        var arguments = new List<string>(profile.Args.Count);
        foreach (string arg in profile.Args)
        {
            arguments.Add(arg
                .Replace("{image}", imagePath)
                .Replace("{memory_mb}", memoryMb.ToString(CultureInfo.InvariantCulture))
                .Replace("{smp}", smp.ToString(CultureInfo.InvariantCulture))
                .Replace("{serial}", serialBackend));
        }
        if (serial == SerialMode.Interactive)
        {
            return new QemuCommandLine(profile.Binary, arguments, profile.Package);
        }
        // Unique per machine (parallel sessions); short, because a unix socket path has ~100 bytes.
        string socket = Path.Combine(Path.GetTempPath(), $"kstress-{System.Environment.ProcessId}-{Interlocked.Increment(ref s_sockets)}.qmp");
        arguments.Add("-qmp");
        arguments.Add($"unix:{socket},server=on,wait=off");
        return new QemuCommandLine(profile.Binary, arguments, profile.Package, socket);
    }
}
