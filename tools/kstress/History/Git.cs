using System;
using System.Diagnostics;

namespace KernelStress.Tool.History;

/// <summary>The checkout kstress runs in, as git tells it, and the first line of a program's output.</summary>
public static class Git
{
    /// <summary>HEAD's hash and whether tracked files have uncommitted changes; nulls without git or a repository.</summary>
    public static (string? Commit, bool? Dirty) Checkout()
    {
        string? commit = FirstLine("git", "-C", RepoRoot.Path, "rev-parse", "HEAD");
        if (commit is null)
        {
            return (null, null);
        }
        string? changed = FirstLine("git", "-C", RepoRoot.Path, "status", "--porcelain", "--untracked-files=no");
        return (commit, changed is not null);
    }

    /// <summary>A revision (HEAD~1, a tag, a short hash) as its full hash; as given when git cannot resolve it (a hash prefix from another clone).</summary>
    public static string ResolveCommit(string revision) =>
        FirstLine("git", "-C", RepoRoot.Path, "rev-parse", "--verify", "--quiet", revision + "^{commit}") ?? revision;

    /// <summary>The first line a program prints, or null when it cannot be run, fails or prints nothing.</summary>
    public static string? FirstLine(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            string first = output.Split('\n')[0].Trim();
            return process.ExitCode == 0 && first.Length > 0 ? first : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
