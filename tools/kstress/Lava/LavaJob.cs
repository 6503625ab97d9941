using System.Collections.Generic;
using System.Linq;
using KernelStress.Tool.Building;

namespace KernelStress.Tool.Lava;

/// <summary>What a LAVA job runs: the image, where LAVA fetches it, the commands, the test's time limit.</summary>
public sealed record LavaJobRequest(KernelTarget Target, string ImageUrl, IReadOnlyList<string> Commands, int TimeoutMinutes, ulong? Seed);

/// <summary>
/// A LAVA job definition (the YAML a LAVA server or <c>lava-run</c> takes) for one session:
/// deploy the image, boot to the <c>ks> </c> prompt, and an interactive test that types each
/// command and judges it (<see cref="LavaOutcome"/>), one LAVA test case per command, then
/// <c>poweroff</c>.
///
/// x64 and arm64 virt boot on LAVA's <c>qemu</c> device type: the image is deployed to tmpfs and
/// given to QEMU with <c>-kernel</c>, the rest of the machine comes from the device dictionary
/// (<see cref="LavaDeviceDictionary"/>). A Raspberry Pi boots kernel8.img straight from its
/// firmware, which loads it at 0x80000 at EL2 with the secondary cores parked on the spin
/// table, the state the kernel is built for (and QEMU's raspi3b imitates); so the job deploys
/// the image with the lab's <c>flasher</c> (its SD-card switch writes kernel8.img onto the boot
/// partition) and boots with <c>minimal</c> (power on, read the UART). U-Boot's <c>go</c> would
/// instead jump in with U-Boot's MMU and caches on, which the kernel's entry does not expect.
/// </summary>
public static class LavaJob
{
    /// <summary>The kernel's first line, which LAVA waits for instead of Linux's "Linux version".</summary>
    public const string KernelStartMessage = "KernelStress";

    public const string TestName = "kernelstress";

    private const int DeployMinutes = 2;
    private const int BootMinutes = 2;

    /// <summary>LAVA's device type for the target.</summary>
    public static string DeviceType(KernelTarget target) => target.Board switch
    {
        "rpi3" => "bcm2837-rpi-3-b",
        "rpi4" => "bcm2711-rpi-4-b",
        _ => "qemu",
    };

    /// <summary>The Debian architecture name LAVA's qemu boot uses (job context <c>arch</c>).</summary>
    public static string QemuArch(KernelTarget target) => target.Arch == "x64" ? "amd64" : "arm64";

    /// <summary>The image the job deploys: what QEMU's -kernel takes, or the Pi firmware's kernel8.img.</summary>
    public static string ImagePath(KernelTarget target) =>
        target.IsRaspberryPi ? target.FlatImage : Machines.ProfileCatalog.Load().ForBoard(target.Arch, target.Board).Image;

    public static Dictionary<string, object> Build(LavaJobRequest request)
    {
        KernelTarget target = request.Target;
        var metadata = new Dictionary<string, object>
        {
            ["kernelstress.arch"] = target.Arch,
            ["kernelstress.board"] = target.Board ?? "pc",
            ["kernelstress.commands"] = string.Join("; ", request.Commands),
        };
        if (request.Seed is ulong seed)
        {
            metadata["kernelstress.seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var job = new Dictionary<string, object>
        {
            ["job_name"] = JobName(target, request.Commands),
            ["device_type"] = DeviceType(target),
            ["visibility"] = "public",
            ["priority"] = "medium",
            ["timeouts"] = new Dictionary<string, object>
            {
                ["job"] = Minutes(DeployMinutes + BootMinutes + request.TimeoutMinutes + 1),
                ["action"] = Minutes(request.TimeoutMinutes),
                ["connection"] = Minutes(request.TimeoutMinutes),
            },
            ["metadata"] = metadata,
        };
        if (!target.IsRaspberryPi)
        {
            job["context"] = new Dictionary<string, object> { ["arch"] = QemuArch(target) };
        }
        job["actions"] = new List<object>
        {
            new Dictionary<string, object> { ["deploy"] = Deploy(target, request.ImageUrl) },
            new Dictionary<string, object> { ["boot"] = Boot(target) },
            new Dictionary<string, object> { ["test"] = Test(request) },
        };
        return job;
    }

    private static string JobName(KernelTarget target, IReadOnlyList<string> commands)
    {
        string name = $"kernelstress {target.Flavor}: {string.Join("; ", commands)}";
        return name.Length > 200 ? name[..200] : name;
    }

    private static Dictionary<string, object> Minutes(int minutes) => new() { ["minutes"] = minutes };

    private static Dictionary<string, object> Deploy(KernelTarget target, string url) => target.IsRaspberryPi
        ? new()
        {
            ["to"] = "flasher",
            ["timeout"] = Minutes(DeployMinutes),
            ["images"] = new Dictionary<string, object> { ["kernel"] = new Dictionary<string, object> { ["url"] = url } },
        }
        : new()
        {
            ["to"] = "tmpfs",
            ["timeout"] = Minutes(DeployMinutes),
            ["images"] = new Dictionary<string, object>
            {
                ["kernel"] = new Dictionary<string, object> { ["url"] = url, ["image_arg"] = "-kernel {kernel}" },
            },
        };

    private static Dictionary<string, object> Boot(KernelTarget target)
    {
        var boot = new Dictionary<string, object>
        {
            ["method"] = target.IsRaspberryPi ? "minimal" : "qemu",
        };
        if (!target.IsRaspberryPi)
        {
            boot["media"] = "tmpfs";
        }
        boot["timeout"] = Minutes(BootMinutes);
        boot["prompts"] = new List<object> { LavaOutcome.Prompt };
        boot["parameters"] = new Dictionary<string, object> { ["kernel-start-message"] = KernelStartMessage };
        return boot;
    }

    private static Dictionary<string, object> Test(LavaJobRequest request)
    {
        var script = new List<object>();
        for (int i = 0; i < request.Commands.Count; i++)
        {
            script.Add(new Dictionary<string, object>
            {
                ["name"] = LavaOutcome.CaseName(i + 1, request.Commands[i]),
                ["command"] = request.Commands[i],
                ["failures"] = LavaOutcome.Failures(),
            });
        }
        // Unnamed, so it is no test case; the machine stops after the bye record, so no prompt follows.
        script.Add(new Dictionary<string, object>
        {
            ["command"] = Reports.ReportBuilder.PowerOffCommand,
            ["successes"] = new List<object> { new Dictionary<string, object> { ["message"] = LavaOutcome.ByeRecord } },
            ["wait_for_prompt"] = false,
        });
        return new Dictionary<string, object>
        {
            ["timeout"] = Minutes(request.TimeoutMinutes),
            ["interactive"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["name"] = TestName,
                    ["prompts"] = new List<object> { LavaOutcome.Prompt },
                    ["echo"] = "discard",
                    ["script"] = script,
                },
            },
        };
    }
}
