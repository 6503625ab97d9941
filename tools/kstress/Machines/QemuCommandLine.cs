using System.Collections.Generic;
using System.Globalization;

namespace KernelStress.Tool.Machines;

/// <summary>How the UART reaches the host: plain stdio for scripted runs, multiplexed with QEMU's monitor for a person (Ctrl-A X quits).</summary>
public enum SerialMode
{
    Stdio,
    Interactive,
}

/// <summary>The QEMU executable and arguments for one boot of a profile.</summary>
public sealed record QemuCommandLine(string FileName, IReadOnlyList<string> Arguments)
{
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
        return new QemuCommandLine(profile.Binary, arguments);
    }
}
