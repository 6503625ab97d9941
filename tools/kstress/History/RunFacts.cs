using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Results;

namespace KernelStress.Tool.History;

/// <summary>
/// What the history keeps about one kstress invocation besides its sessions: the verb, when, the
/// checkout it ran in (commit and whether the tree had uncommitted changes), the image, the
/// machine and the host. Unknown stays null: parse cannot know which commit built a log's image,
/// serial has no QEMU, a board's CPU count and memory come from its boot record.
/// </summary>
public sealed record RunFacts
{
    public required string Verb { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>The parsed log for parse, the port for serial; null for run.</summary>
    public string? Source { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? ImageSha256 { get; init; }

    public long? ImageBytes { get; init; }

    public string? Arch { get; init; }

    public string? Board { get; init; }

    public int? Smp { get; init; }

    public int? MemoryMb { get; init; }

    public string? QemuVersion { get; init; }

    public string HostName { get; init; } = Environment.MachineName;

    public string? CpuModel { get; init; } = HostCpuModel();

    public static RunFacts ForQemu(MachineProfile profile, string image, int smp, int memoryMb, DateTimeOffset started)
    {
        (string? commit, bool? dirty) = Git.Checkout();
        (string? sha, long? bytes) = Image(image);
        return new RunFacts
        {
            Verb = "run",
            StartedUtc = started,
            GitCommit = commit,
            GitDirty = dirty,
            ImageSha256 = sha,
            ImageBytes = bytes,
            Arch = profile.Arch,
            Board = profile.Board,
            Smp = smp,
            MemoryMb = memoryMb,
            QemuVersion = Git.FirstLine(profile.Binary, "--version"),
        };
    }

    public static RunFacts ForSerial(string port, RunReport report, DateTimeOffset started)
    {
        (string? commit, bool? dirty) = Git.Checkout();
        return FromBootRecord(report) with { Verb = "serial", StartedUtc = started, Source = port, GitCommit = commit, GitDirty = dirty };
    }

    public static RunFacts ForParse(string log, RunReport report, DateTimeOffset started) =>
        FromBootRecord(report) with { Verb = "parse", StartedUtc = started, Source = log == "-" ? "standard input" : Path.GetFullPath(log) };

    private static RunFacts FromBootRecord(RunReport report)
    {
        JsonElement? boot = report.Records.Where(r => Json.String(r, "type") == "boot").Cast<JsonElement?>().FirstOrDefault();
        return new RunFacts
        {
            Verb = "",
            StartedUtc = default,
            Arch = boot is { } b ? Json.String(b, "arch") : null,
            Smp = boot is { } c ? (int?)Json.Long(c, "cpus") : null,
            MemoryMb = boot is { } m && Json.Long(m, "memory_bytes") is long memory ? (int)(memory >> 20) : null,
        };
    }

    private static (string? Sha256, long? Bytes) Image(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private static string? HostCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Where(l => l.StartsWith("model name", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
