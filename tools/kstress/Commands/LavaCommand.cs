using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Lava;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;

namespace KernelStress.Tool.Commands;

/// <summary>
/// <c>kstress lava --arch x64|arm64 [--board rpi3|rpi4] -c CMD... [--image-url URL] [--timeout MIN]
/// [--seed N] [-o job.yaml] [--device-dict FILE]</c>: writes a LAVA job definition that runs the
/// commands on a board farm's device (Lava/LavaJob.cs), and for a local worker the QEMU device
/// dictionary to run it with (<c>lava-run --device FILE job.yaml</c>).
/// </summary>
public static class LavaCommand
{
    public const int DefaultTimeoutMinutes = 10;

    private static readonly Option<string> s_arch = MachineOptions.ArchOption();

    private static readonly Option<string?> s_board = MachineOptions.BoardOption("The arm64 board the job runs on: virt (LAVA's qemu device type, the default) or a Raspberry Pi (bcm2837-rpi-3-b, bcm2711-rpi-4-b)");

    private static readonly Option<string[]> s_commands = new("--command", "-c")
    {
        Description = "A shell command to type at the ks> prompt, one LAVA test case each; repeat -c for several, run in order. poweroff is typed after the last one.",
        HelpName = "CMD",
        Required = true,
    };

    private static readonly Option<string?> s_imageUrl = new("--image-url")
    {
        Description = "Where LAVA fetches the image (http://, https://, file://); default: file:// of the built image (artifacts/...), for a worker on this machine",
        HelpName = "URL",
    };

    private static readonly Option<int> s_timeout = new("--timeout")
    {
        Description = "Minutes the test may take, all commands together (the job adds time for deploy and boot)",
        HelpName = "MIN",
        DefaultValueFactory = _ => DefaultTimeoutMinutes,
    };

    private static readonly Option<ulong?> s_seed = new("--seed")
    {
        Description = "Append --seed N to every stresstest command that has no --seed (as run does), so the job replays a run",
        HelpName = "N",
    };

    private static readonly Option<string?> s_output = new("--output", "-o")
    {
        Description = "Write the job definition to FILE (atomically) instead of standard output",
        HelpName = "FILE",
    };

    private static readonly Option<string?> s_deviceDict = new("--device-dict")
    {
        Description = "Also write the device dictionary of a local worker's qemu device for this machine (x64 or arm64 virt), for lava-run --device FILE",
        HelpName = "FILE",
    };

    static LavaCommand()
    {
        s_timeout.Validators.Add(result =>
        {
            int minutes = result.GetValueOrDefault<int>();
            if (minutes is < 1 or > 1440)
            {
                result.AddError($"--timeout expects minutes from 1 to 1440, got {minutes}");
            }
        });
    }

    public static Command Create()
    {
        var command = new Command("lava",
            "Write a LAVA job definition that boots the kernel on a board farm's device, types each -c command and reports one LAVA test case per command "
            + "(fail on an 'error:' line, a FAIL record or a panic, as run judges). Submit it with lavacli, or run it locally with lava-run and --device-dict. "
            + "Exit codes: 0 written, 2 the image is not built or a file could not be written, 64 bad arguments.")
        {
            s_arch,
            s_board,
            s_commands,
            s_imageUrl,
            s_timeout,
            s_seed,
            s_output,
            s_deviceDict,
        };
        command.SetAction(parse => Handle(
            KernelTarget.From(MachineOptions.ArchWithBoard(parse, s_arch, s_board), parse.GetValue(s_board)),
            parse.GetValue(s_commands) ?? Array.Empty<string>(),
            parse.GetValue(s_imageUrl),
            parse.GetValue(s_timeout),
            parse.GetValue(s_seed),
            parse.GetValue(s_output),
            parse.GetValue(s_deviceDict),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Handle(KernelTarget target, IReadOnlyList<string> commands, string? imageUrl, int timeoutMinutes, ulong? seed,
        string? output, string? deviceDict, TextWriter stdOut, TextWriter stdErr)
    {
        ScriptedCommands.Validate(commands);
        SeedPlan.RequireUsed(commands, seed);
        if (deviceDict is not null && target.IsRaspberryPi)
        {
            throw new KstressException(ExitCode.Usage,
                $"--device-dict is for a local worker's qemu device: a {target.Board}'s device dictionary comes from the lab's {LavaJob.DeviceType(target)} template (with its flasher commands); leave --device-dict out");
        }
        string url = imageUrl ?? LocalImageUrl(target);
        var request = new LavaJobRequest(target, url, SeedPlan.Apply(commands, seed), timeoutMinutes, seed);
        string job = LavaYaml.Serialize(LavaJob.Build(request));
        if (output is null)
        {
            stdOut.Write(job);
            stdOut.Flush();
        }
        else
        {
            WriteText(output, job);
            stdErr.WriteLine($"kstress: {output}: LAVA job for {LavaJob.DeviceType(target)} ({target.Flavor}), {commands.Count} test case(s), image {url}");
        }
        if (deviceDict is not null)
        {
            MachineProfile profile = ProfileCatalog.Load().ForBoard(target.Arch, target.Board);
            WriteText(deviceDict, LavaYaml.Serialize(LavaDeviceDictionary.Build(profile)));
            stdErr.WriteLine($"kstress: {deviceDict}: device dictionary for the {profile.Name} QEMU machine; run the job with: lava-run --job-id 1 --output-dir OUT --device {deviceDict} {output ?? "JOB.yaml"}");
        }
        return (int)ExitCode.Pass;
    }

    /// <summary>file:// of the built image; an image not built yet is an error (a worker would fail to fetch it).</summary>
    private static string LocalImageUrl(KernelTarget target)
    {
        string path = RepoRoot.Resolve(LavaJob.ImagePath(target));
        if (!File.Exists(path))
        {
            throw new KstressException(ExitCode.Infrastructure,
                $"image not built: {LavaJob.ImagePath(target)} does not exist: run ./kstress build {target.Options}, or give --image-url where LAVA can fetch it");
        }
        return new Uri(path).AbsoluteUri;
    }

    private static void WriteText(string path, string text) =>
        AtomicFile.Write(path, stream =>
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
        });
}
