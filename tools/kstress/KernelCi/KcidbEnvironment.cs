using System.Diagnostics;
using System.Linq;
using KernelStress.Tool.Results;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.KernelCi;

/// <summary>
/// Where a session ran, for a KCIDB submission: the kernel's arch and board, a comment naming the
/// machine (QEMU's and its version, a serial port, or a captured log), and QEMU's version when
/// QEMU ran it.
/// </summary>
public sealed record KcidbEnvironment(string Arch, string? Board, string Comment, string? QemuVersion)
{
    /// <summary>A QEMU machine: its version is the first line of <c>BINARY --version</c> (null when it does not answer).</summary>
    public static KcidbEnvironment ForProfile(MachineProfile profile)
    {
        string? version = QemuVersionOf(profile.Binary);
        return new KcidbEnvironment(profile.Arch, profile.Board, $"QEMU machine {profile.Name} ({profile.Binary}{(version is null ? "" : ", " + version)})", version);
    }

    public static KcidbEnvironment ForSerial(string port) => new("unknown", null, $"a board on serial port {port}", null);

    /// <summary>A captured log: the arch is the boot record's, the machine unknown.</summary>
    public static KcidbEnvironment ForLog(Reports.RunReport report, string log)
    {
        string? arch = report.Records.Where(r => Json.String(r, "type") == "boot").Select(r => Json.String(r, "arch")).FirstOrDefault();
        return new KcidbEnvironment(arch ?? "unknown", null, $"a captured log ({log})", null);
    }

    private static string? QemuVersionOf(string binary)
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo(binary, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }
            string first = process.StandardOutput.ReadLine()?.Trim() ?? "";
            process.WaitForExit(5000);
            return first.Length > 0 ? first : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
