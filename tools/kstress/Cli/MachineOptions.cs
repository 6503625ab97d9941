using System.CommandLine;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Cli;

/// <summary>
/// The options that pick and size a machine (--arch, --board, --smp, --memory, --no-build), shared by
/// the verbs that boot one. Each verb gets its own instances (a symbol has one parent command).
/// </summary>
public sealed class MachineOptions
{
    public Option<string> Arch { get; } = ArchOption();

    public Option<string?> Board { get; } = BoardOption("The arm64 board whose QEMU machine profile to boot: virt (default), rpi3 (QEMU's raspi3b) or rpi4 (raspi4b, QEMU 9.0 and later)");

    public Option<int?> Smp { get; } = new("--smp")
    {
        Description = "Number of CPUs (default and allowed range: the machine profile in qemu/)",
        HelpName = "N",
    };

    public Option<int?> Memory { get; } = new("--memory")
    {
        Description = "RAM in MiB (default and allowed range: the machine profile in qemu/)",
        HelpName = "MB",
    };

    public Option<bool> NoBuild { get; } = new("--no-build")
    {
        Description = "Boot the image as it is; without this the image is built first when it is missing or older than the kernel sources",
    };

    public static Option<string> ArchOption()
    {
        var option = new Option<string>("--arch")
        {
            Description = "Kernel architecture; selects the machine profile qemu/*.json marked default_for_arch",
            DefaultValueFactory = _ => "x64",
            HelpName = "x64|arm64",
        };
        option.AcceptOnlyFromAmong(ProfileCatalog.Arches);
        return option;
    }

    public static Option<string?> BoardOption(string description)
    {
        var option = new Option<string?>("--board")
        {
            Description = description + "; implies --arch arm64",
            HelpName = string.Join('|', Building.KernelTarget.Boards),
        };
        option.AcceptOnlyFromAmong(Building.KernelTarget.Boards);
        return option;
    }

    /// <summary>--arch, or arm64 when only --board was given.</summary>
    public static string ArchWithBoard(ParseResult parse, Option<string> arch, Option<string?> board) =>
        parse.GetResult(arch) is { Implicit: false } || parse.GetValue(board) is null ? parse.GetValue(arch)! : "arm64";

    public void AddTo(Command command)
    {
        command.Options.Add(Arch);
        command.Options.Add(Board);
        command.Options.Add(Smp);
        command.Options.Add(Memory);
        command.Options.Add(NoBuild);
    }

    /// <summary>
    /// The chosen machine settings, checked against the profile's ranges (out of range is a usage
    /// error) and its QEMU against the profile's min_qemu_version (before anything is built).
    /// </summary>
    public MachineChoice Read(ParseResult parse)
    {
        MachineProfile profile = ProfileCatalog.Load().ForBoard(ArchWithBoard(parse, Arch, Board), parse.GetValue(Board));
        QemuVersion.Require(profile);
        int memory = parse.GetValue(Memory) ?? profile.MemoryMb.Default;
        int smp = parse.GetValue(Smp) ?? profile.Smp.Default;
        if (!profile.MemoryMb.Contains(memory))
        {
            throw new KstressException(ExitCode.Usage,
                $"--memory {memory} is out of range for the {profile.Name} machine ({profile.MemoryMb} MiB): pick a value in that range or leave it out for {profile.MemoryMb.Default}");
        }
        if (!profile.Smp.Contains(smp))
        {
            throw new KstressException(ExitCode.Usage,
                $"--smp {smp} is out of range for the {profile.Name} machine ({profile.Smp} CPUs): pick a value in that range or leave it out for {profile.Smp.Default}");
        }
        return new MachineChoice(profile, memory, smp, !parse.GetValue(NoBuild));
    }
}

/// <summary>A profile and the settings to boot it with.</summary>
public sealed record MachineChoice(MachineProfile Profile, int MemoryMb, int Smp, bool AllowBuild);
