using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Building;

/// <summary>
/// Builds the kernel image: <c>dotnet build kernel/Kernel.csproj -c Release -p:KernelArch=ARCH</c>,
/// which leaves artifacts/ARCH/kernel.{elf,bin,map} (the image a profile boots is named in the
/// profile). The output is captured and shown only when the build fails.
///
/// "Up to date" is decided from timestamps so that <c>run</c> and <c>boot</c> do not pay for a
/// dotnet build (2+ s) when nothing changed: the image is current when no file under the kernel
/// source trees (kernel*/, tools/ minus the host tool, Directory.*.props, global.json) is newer
/// than the image or than the stamp this class writes after each successful build.
/// </summary>
public static class KernelBuild
{
    private static readonly string[] s_sourceTrees = { "kernel", "kernel.Prng", "kernel.Metrics", "kernel.Shell", "tools" };
    private static readonly string[] s_sourceFiles = { "Directory.Build.props", "Directory.Packages.props", "global.json" };

    public static string ProjectPath => RepoRoot.Resolve(Path.Combine("kernel", "Kernel.csproj"));

    public sealed record Outcome(int ExitCode, IReadOnlyList<string> Output, TimeSpan Elapsed);

    /// <summary>Runs the kernel build for <paramref name="arch"/>; throws when there is no kernel project.</summary>
    public static async Task<Outcome> RunAsync(string arch, CancellationToken cancellationToken)
    {
        if (!File.Exists(ProjectPath))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"image not built: {RepoRoot.Show(ProjectPath)} does not exist, so there is no kernel to build: check out a revision that has the kernel project");
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (string argument in new[] { "build", ProjectPath, "-c", "Release", $"-p:KernelArch={arch}", "-nologo", "-v:minimal", "--disable-build-servers" })
        {
            info.ArgumentList.Add(argument);
        }
        // Build servers would outlive the build holding our pipes open; and when the tool runs
        // inside a test host, inherited MSBuild variables would point the child at the host's SDK state.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (string key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && k != "MSBUILDDISABLENODEREUSE").ToList())
        {
            info.Environment.Remove(key);
        }

        var output = new List<string>();
        DateTime started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KstressException(ExitCode.Infrastructure, $"cannot run dotnet: {e.Message}: install the .NET 10 SDK and put dotnet on PATH");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // drains the asynchronous output readers
        if (process.ExitCode == 0)
        {
            WriteStamp(arch, started);
        }
        lock (output)
        {
            return new Outcome(process.ExitCode, output.ToList(), clock.Elapsed);
        }
    }

    /// <summary>
    /// The image path for <paramref name="profile"/>, building it first when it is missing or
    /// older than the sources (unless <paramref name="allowBuild"/> is false).
    /// </summary>
    public static async Task<string> EnsureImageAsync(MachineProfile profile, bool allowBuild, TextWriter status, CancellationToken cancellationToken)
    {
        string image = RepoRoot.Resolve(profile.Image);
        string hint = $"run ./kstress build --arch {profile.Arch}";
        if (!allowBuild)
        {
            return File.Exists(image)
                ? image
                : throw new KstressException(ExitCode.Infrastructure, $"image not built: {profile.Image} does not exist: {hint}");
        }
        if (IsUpToDate(profile))
        {
            return image;
        }
        using IDisposable buildLock = await BuildLock.AcquireAsync(profile.Arch, cancellationToken).ConfigureAwait(false);
        if (IsUpToDate(profile))
        {
            return image; // another process built it while we waited
        }

        status.WriteLine(File.Exists(image)
            ? $"kstress: {profile.Image} is older than the kernel sources; rebuilding ({profile.Arch})"
            : $"kstress: {profile.Image} does not exist; building it ({profile.Arch})");
        Outcome outcome = await RunAsync(profile.Arch, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw Failed(outcome, profile.Arch);
        }
        return File.Exists(image)
            ? image
            : throw new KstressException(ExitCode.Infrastructure,
                $"image not built: the {profile.Arch} kernel build succeeded but left no {profile.Image} (does the kernel build {profile.Arch} yet?): {hint} and read its output");
    }

    /// <summary>The error for a failed build; its details are the build output.</summary>
    public static KstressException Failed(Outcome outcome, string arch) =>
        new(ExitCode.Infrastructure,
            $"kernel build failed (dotnet build exited {outcome.ExitCode} after {outcome.Elapsed.TotalSeconds:F1} s): the output above says why; fix it and run ./kstress build --arch {arch}",
            string.Join(Environment.NewLine, outcome.Output));

    public static bool IsUpToDate(MachineProfile profile)
    {
        string image = RepoRoot.Resolve(profile.Image);
        if (!File.Exists(image))
        {
            return false;
        }
        DateTime built = File.GetLastWriteTimeUtc(image);
        string stamp = StampPath(profile.Arch);
        if (File.Exists(stamp))
        {
            DateTime stamped = File.GetLastWriteTimeUtc(stamp);
            built = stamped > built ? stamped : built;
        }
        return NewestSource() <= built;
    }

    private static DateTime NewestSource()
    {
        DateTime newest = DateTime.MinValue;
        string hostTool = RepoRoot.Resolve(Path.Combine("tools", "kstress")) + Path.DirectorySeparatorChar;
        foreach (string tree in s_sourceTrees)
        {
            string root = RepoRoot.Resolve(tree);
            if (!Directory.Exists(root))
            {
                continue;
            }
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (file.StartsWith(hostTool, StringComparison.Ordinal) || IsBuildOutput(file))
                {
                    continue;
                }
                DateTime written = File.GetLastWriteTimeUtc(file);
                newest = written > newest ? written : newest;
            }
        }
        foreach (string name in s_sourceFiles)
        {
            string file = RepoRoot.Resolve(name);
            if (File.Exists(file))
            {
                DateTime written = File.GetLastWriteTimeUtc(file);
                newest = written > newest ? written : newest;
            }
        }
        return newest;
    }

    private static bool IsBuildOutput(string file)
    {
        string sep = Path.DirectorySeparatorChar.ToString();
        return file.Contains(sep + "bin" + sep, StringComparison.Ordinal) || file.Contains(sep + "obj" + sep, StringComparison.Ordinal);
    }

    private static string StampPath(string arch) => RepoRoot.Resolve(Path.Combine("artifacts", "kstress", $"kernel-{arch}.stamp"));

    /// <summary>The stamp carries the build's start time: a source saved during the build is newer and triggers the next one.</summary>
    private static void WriteStamp(string arch, DateTime started)
    {
        string stamp = StampPath(arch);
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        File.WriteAllText(stamp, started.ToString("O") + Environment.NewLine);
        File.SetLastWriteTimeUtc(stamp, started);
    }

    private static void Collect(List<string> output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    /// <summary>The dotnet executable running this tool when there is one (same SDK), else dotnet from PATH.</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
