using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KernelStress.Tool.Machines;

/// <summary>
/// Which QEMU is installed (its <c>--version</c> line, "QEMU emulator version 10.0.2 (Debian ...)"),
/// and the check a profile with <c>min_qemu_version</c> makes before it boots: older QEMU has no
/// such machine, and says so only as "unsupported machine type", so the tool says it first, in one
/// line naming both versions. Each binary is asked once per process.
/// </summary>
public static partial class QemuVersion
{
    private static readonly ConcurrentDictionary<string, Version?> s_installed = new(StringComparer.Ordinal);

    /// <summary>Throws when the profile's QEMU is older than its <c>min_qemu_version</c>; a QEMU that cannot be asked is left to the start's own error.</summary>
    public static void Require(MachineProfile profile)
    {
        if (profile.MinQemuVersion is not { } text || !TryParseMinimum(text, out Version minimum))
        {
            return;
        }
        Version? installed = s_installed.GetOrAdd(profile.Binary, Ask);
        if (installed is not null && installed < minimum)
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"the {profile.Name} machine needs QEMU {minimum} or later and {profile.Binary} is QEMU {installed}: "
                + "install a newer QEMU (on Debian 12 run ./kstress once as root: it adds bookworm-backports for QEMU 10), or use another --board");
        }
    }

    /// <summary>"major.minor" as a profile writes it.</summary>
    public static bool TryParseMinimum(string text, out Version version) =>
        Version.TryParse(text, out version!) && version.Build < 0;

    /// <summary>The version in QEMU's <c>--version</c> output, or null when it has none.</summary>
    public static Version? Parse(string versionOutput) =>
        VersionLine().Match(versionOutput) is { Success: true } match && Version.TryParse(match.Groups[1].Value, out Version? version) ? version : null;

    private static Version? Ask(string binary)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo(binary, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new Win32Exception("Process.Start returned null");
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return Parse(output);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^QEMU emulator version (\d+\.\d+(?:\.\d+)?)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
