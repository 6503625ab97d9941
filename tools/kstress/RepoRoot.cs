using System;
using System.IO;

namespace KernelStress.Tool;

/// <summary>
/// Finds the repository root (the directory holding KernelStress.sln and qemu/). The tool runs
/// from artifacts/bin/kstress/..., the tests from artifacts/bin/&lt;test project&gt;/..., so walking
/// up from the assembly finds it; KSTRESS_ROOT (set by ./kstress) wins when present.
/// </summary>
public static class RepoRoot
{
    private static string? s_cached;

    public static string Path => s_cached ??= Find();

    private static string Find()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("KSTRESS_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && IsRoot(fromEnv))
        {
            return System.IO.Path.GetFullPath(fromEnv);
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        throw new KstressException(
            ExitCode.Infrastructure,
            $"cannot find the KernelStress repository (a directory with KernelStress.sln and qemu/) above {AppContext.BaseDirectory} or the current directory: run the tool through ./kstress in the repo, or set KSTRESS_ROOT");
    }

    private static bool IsRoot(string dir) =>
        File.Exists(System.IO.Path.Combine(dir, "KernelStress.sln"))
        && Directory.Exists(System.IO.Path.Combine(dir, "qemu"));

    /// <summary>A repo-relative path (as written in profiles and messages) made absolute.</summary>
    public static string Resolve(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));

    /// <summary>An absolute path shown relative to the repo when it is inside it (shorter messages).</summary>
    public static string Show(string absolute)
    {
        string rel = System.IO.Path.GetRelativePath(Path, absolute);
        return rel.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(rel) ? absolute : rel;
    }
}
