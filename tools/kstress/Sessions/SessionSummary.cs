using System.IO;
using System.Linq;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Reports;

namespace KernelStress.Tool.Sessions;

/// <summary>A finished session's verdict lines on stderr: crashes and hung CPUs, then PASS, the failures, or the UART's last lines and why.</summary>
public static class SessionSummary
{
    public static void Write(SessionResult result, TextWriter stdErr, string prefix)
    {
        RunReport report = result.Report;
        string? hang = CrashText.Diagnosis(report.HungCpus) is { } diagnosis ? "the CPUs when the kernel stopped answering: " + diagnosis : null;
        foreach (string line in report.Crashes.SelectMany(CrashText.Lines).Concat(hang is null ? [] : [hang]).Concat(report.HungCpus.SelectMany(CrashText.Lines)))
        {
            stdErr.WriteLine($"kstress: {prefix}{line}");
        }
        switch (report.Verdict)
        {
            case Verdict.Pass:
                stdErr.WriteLine($"kstress: {prefix}PASS: {report.Commands.Count} command(s), {report.Records.Count} record(s), "
                    + $"boot to prompt {report.BootMs} ms, QEMU exit code {report.QemuExitCode?.ToString() ?? "none"}");
                break;
            case Verdict.Fail:
                foreach (string failure in report.FailureLines())
                {
                    stdErr.WriteLine($"kstress: {prefix}FAIL: {failure}");
                }
                break;
            default:
                stdErr.WriteLine($"kstress: {prefix}last UART lines:");
                foreach (string line in result.Tail)
                {
                    stdErr.WriteLine("  | " + line);
                }
                if (result.QemuStderr.Trim() is { Length: > 0 } qemu)
                {
                    stdErr.WriteLine($"kstress: {prefix}QEMU's stderr:");
                    foreach (string line in qemu.Split('\n'))
                    {
                        stdErr.WriteLine("  | " + line.TrimEnd());
                    }
                }
                stdErr.WriteLine($"kstress: {prefix}error: {report.Error}");
                break;
        }
    }
}
