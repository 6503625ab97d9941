using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KernelStress.Tool.KernelCi;

/// <summary>The commit the repo (and so the image) is at: <c>git rev-parse HEAD</c> at the repo root; null outside a git checkout.</summary>
public static class GitCommit
{
    public static string? Head()
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoRoot.Resolve(".") };
            info.ArgumentList.Add("rev-parse");
            info.ArgumentList.Add("HEAD");
            using Process? process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            string hash = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && Regex.IsMatch(hash, "^[0-9a-f]{40}$") ? hash : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
