using System.Collections.Generic;
using System.Globalization;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Lava;

/// <summary>
/// The device dictionary of a local worker's <c>qemu</c> device for one machine profile (qemu/*.json):
/// what a LAVA server renders from its qemu device-type template, written out for <c>lava-run</c>.
/// QEMU's arguments are the profile's, with the UART on stdio (LAVA's connection) and the image
/// left out (the job's deploy adds <c>-kernel</c>). lava-dispatcher 2023.01 refuses a device without
/// the <c>constants</c> groups below (each key is read even when unused) and rejects a tmpfs deploy
/// unless the <c>image</c> method (with its guest drive) is listed too.
/// </summary>
public static class LavaDeviceDictionary
{
    public static Dictionary<string, object?> Build(MachineProfile profile)
    {
        var target = profile.Target;
        return new Dictionary<string, object?>
        {
            ["device_type"] = LavaJob.DeviceType(target),
            ["available_architectures"] = new List<object> { LavaJob.QemuArch(target) },
            ["constants"] = Constants(),
            ["timeouts"] = new Dictionary<string, object> { ["actions"] = new Dictionary<string, object>(), ["connections"] = new Dictionary<string, object>() },
            ["actions"] = new Dictionary<string, object>
            {
                ["deploy"] = new Dictionary<string, object>
                {
                    ["methods"] = new Dictionary<string, object?>
                    {
                        ["tmpfs"] = null,
                        ["image"] = new Dictionary<string, object>
                        {
                            ["parameters"] = new Dictionary<string, object>
                            {
                                ["guest"] = new Dictionary<string, object> { ["size"] = 512, ["interface"] = "ide", ["driveid"] = "lavatest" },
                            },
                        },
                    },
                },
                ["boot"] = new Dictionary<string, object>
                {
                    ["connections"] = new Dictionary<string, object?> { ["serial"] = null },
                    ["methods"] = new Dictionary<string, object>
                    {
                        ["qemu"] = new Dictionary<string, object>
                        {
                            ["parameters"] = new Dictionary<string, object>
                            {
                                ["command"] = profile.Binary,
                                ["boot_options"] = new Dictionary<string, object>(),
                                ["options"] = QemuOptions(profile),
                            },
                        },
                    },
                },
            },
        };
    }

    /// <summary>The profile's arguments as LAVA's option groups ("-m 128M"), without -kernel and the image.</summary>
    public static List<object> QemuOptions(MachineProfile profile)
    {
        var groups = new List<object>();
        List<string>? group = null;
        foreach (string arg in profile.Args)
        {
            string value = arg
                .Replace("{memory_mb}", profile.MemoryMb.Default.ToString(CultureInfo.InvariantCulture))
                .Replace("{smp}", profile.Smp.Default.ToString(CultureInfo.InvariantCulture))
                .Replace("{serial}", "stdio");
            if (value.StartsWith('-'))
            {
                Flush();
                group = new List<string> { value };
            }
            else
            {
                (group ??= new List<string>()).Add(value);
            }
        }
        Flush();
        return groups;

        void Flush()
        {
            if (group is not null && !group.Contains("-kernel"))
            {
                groups.Add(string.Join(' ', group));
            }
            group = null;
        }
    }

    private static Dictionary<string, object> Constants() => new()
    {
        ["failure_retry"] = 1,
        ["boot_retry"] = 1,
        ["spawn_maxread"] = 4092,
        ["kernel-start-message"] = LavaJob.KernelStartMessage,
        ["shutdown-message"] = "Powering off.",
        ["default-shell-prompt"] = LavaOutcome.Prompt,
        ["posix"] = new Dictionary<string, object>
        {
            ["lava_test_sh_cmd"] = "/bin/sh",
            ["lava_test_results_dir"] = "/lava-%s",
            ["lava_test_shell_file"] = "~/.bashrc",
        },
        ["u-boot"] = Bootloader(("interrupt_prompt", "Hit any key to stop autoboot"), ("interrupt_character", " "), ("final_message", "Starting kernel")),
        ["barebox"] = Bootloader(("interrupt_prompt", "Hit m for menu"), ("interrupt_character", " "), ("final_message", "booting")),
        ["grub"] = Bootloader(("reset_device_message", "Performing the reset"), ("interrupt_prompt", "Press enter"), ("interrupt_character", "c")),
        ["grub-efi"] = Bootloader(("reset_device_message", "Performing the reset"), ("interrupt_prompt", "Press enter"), ("interrupt_character", "c")),
        ["ipxe"] = Bootloader(("interrupt_prompt", "Press Ctrl-B"), ("interrupt_character", "B")),
        ["depthcharge"] = Bootloader(("final_message", "Starting kernel")),
    };

    private static Dictionary<string, object> Bootloader(params (string Key, string Value)[] entries)
    {
        var group = new Dictionary<string, object>();
        foreach ((string key, string value) in entries)
        {
            group[key] = value;
        }
        group["interrupt_control_chars"] = new List<object>();
        group["error-messages"] = new List<object>();
        return group;
    }
}
