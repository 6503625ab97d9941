using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace KernelStress.Tool.Machines;

/// <summary>
/// The machine profiles in qemu/*.json. A profile that does not parse or does not make sense
/// stops the tool with a message naming the file and the field (it is data the tool trusts).
/// </summary>
public sealed class ProfileCatalog
{
    public static readonly string[] Arches = Building.KernelTarget.Arches;

    private static readonly string[] s_placeholders = { "{image}", "{memory_mb}", "{smp}", "{serial}" };

    private ProfileCatalog(IReadOnlyList<MachineProfile> profiles)
    {
        Profiles = profiles;
    }

    public IReadOnlyList<MachineProfile> Profiles { get; }

    /// <summary>Loads every profile in the repo's qemu/ directory.</summary>
    public static ProfileCatalog Load() => Load(RepoRoot.Resolve("qemu"));

    public static ProfileCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new KstressException(ExitCode.Infrastructure, $"no machine profiles: {directory} does not exist: restore qemu/ from git");
        }
        var profiles = new List<MachineProfile>();
        foreach (string file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            profiles.Add(LoadFile(file));
        }
        foreach (IGrouping<string, MachineProfile> arch in profiles.Where(p => p.DefaultForArch).GroupBy(p => p.Arch))
        {
            if (arch.Count() > 1)
            {
                throw new KstressException(ExitCode.Infrastructure,
                    $"machine profiles {string.Join(" and ", arch.Select(p => p.Name))} both say default_for_arch for {arch.Key}: keep it on one of them");
            }
        }
        return new ProfileCatalog(profiles);
    }

    public static MachineProfile LoadFile(string file)
    {
        string shown = RepoRoot.Show(file);
        MachineProfile? profile;
        try
        {
            using FileStream stream = File.OpenRead(file);
            profile = JsonSerializer.Deserialize(stream, ProfileJsonContext.Default.MachineProfile);
        }
        catch (JsonException e)
        {
            throw new KstressException(ExitCode.Infrastructure, $"machine profile {shown} is invalid: {e.Message}: fix the file (fields are described in qemu/README.md)");
        }
        if (profile is null)
        {
            throw new KstressException(ExitCode.Infrastructure, $"machine profile {shown} is empty (null): fix the file");
        }

        string? problem = Check(profile, Path.GetFileNameWithoutExtension(file));
        if (problem is not null)
        {
            throw new KstressException(ExitCode.Infrastructure, $"machine profile {shown} is invalid: {problem}: fix the file (fields are described in qemu/README.md)");
        }
        return profile;
    }

    /// <summary>The profile that --arch <paramref name="arch"/> selects.</summary>
    public MachineProfile ForArch(string arch) =>
        Profiles.FirstOrDefault(p => p.Arch == arch && p.DefaultForArch)
        ?? throw new KstressException(ExitCode.Infrastructure,
            $"no machine profile for --arch {arch}: add qemu/<name>.json with \"arch\": \"{arch}\" and \"default_for_arch\": true");

    /// <summary>The profile that --arch <paramref name="arch"/> --board <paramref name="board"/> selects (no board: <see cref="ForArch"/>).</summary>
    public MachineProfile ForBoard(string arch, string? board)
    {
        if (board is null)
        {
            return ForArch(arch);
        }
        Building.KernelTarget target = Building.KernelTarget.From(arch, board);
        return Profiles.FirstOrDefault(p => p.Arch == arch && p.Board == board)
            ?? throw new KstressException(ExitCode.Usage,
                $"no QEMU machine profile for {target.Options} in qemu/: './kstress build {target.Options}' builds its image and './kstress flash --board {board}' writes an SD card's files");
    }

    private static string? Check(MachineProfile p, string fileName)
    {
        if (p.Name != fileName)
        {
            return $"\"name\" is '{p.Name}' but the file is {fileName}.json (they must match)";
        }
        if (!Arches.Contains(p.Arch))
        {
            return $"\"arch\" is '{p.Arch}', expected one of {string.Join(", ", Arches)}";
        }
        if (p.Board is not null && (p.Arch != "arm64" || !Building.KernelTarget.Boards.Contains(p.Board)))
        {
            return $"\"board\" is '{p.Board}', expected one of {string.Join(", ", Building.KernelTarget.Boards)} (arm64 only)";
        }
        if (string.IsNullOrWhiteSpace(p.Comment))
        {
            return "\"comment\" is empty: name the machine model the profile assumes";
        }
        if (p.MinQemuVersion is { } minimum && !QemuVersion.TryParseMinimum(minimum, out _))
        {
            return $"\"min_qemu_version\" is '{minimum}', expected major.minor (e.g. \"9.0\")";
        }
        if (CheckRange(p.MemoryMb, "memory_mb", 1) is { } memory)
        {
            return memory;
        }
        if (CheckRange(p.Smp, "smp", 1) is { } smp)
        {
            return smp;
        }
        foreach (string arg in p.Args)
        {
            int open = arg.IndexOf('{');
            while (open >= 0)
            {
                int close = arg.IndexOf('}', open);
                string token = close < 0 ? arg.Substring(open) : arg.Substring(open, close - open + 1);
                if (!s_placeholders.Contains(token))
                {
                    return $"unknown placeholder {token} in \"args\" (known: {string.Join(" ", s_placeholders)})";
                }
                open = close < 0 ? -1 : arg.IndexOf('{', close);
            }
        }
        if (!p.Args.Any(a => a.Contains("{image}")))
        {
            return "\"args\" never uses {image}";
        }
        if (!p.Args.Any(a => a.Contains("{serial}")))
        {
            return "\"args\" never uses {serial}: the UART must be on QEMU's stdio";
        }
        if (p.ExitCodes.GroupBy(e => e.Code).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"exit code {duplicate.Key} is listed twice in \"exit_codes\"";
        }
        if (p.PoweroffExits && !p.ExitCodes.Any(e => e.Means == QemuExit.Poweroff))
        {
            return "\"poweroff_exits\" is true but no exit code means poweroff";
        }
        if (p.BootTimeoutSeconds <= 0 || p.CommandTimeoutSeconds <= 0)
        {
            return "\"boot_timeout_seconds\" and \"command_timeout_seconds\" must be positive";
        }
        return null;
    }

    private static string? CheckRange(ProfileRange range, string field, int floor)
    {
        if (range.Min < floor || range.Min > range.Max || !range.Contains(range.Default))
        {
            return $"\"{field}\" needs {floor} <= min <= default <= max (got min {range.Min}, default {range.Default}, max {range.Max})";
        }
        return null;
    }
}
