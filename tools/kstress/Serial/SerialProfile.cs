using System.Collections.Generic;
using KernelStress.Tool.Machines;

namespace KernelStress.Tool.Serial;

/// <summary>
/// The machine profile of a board on a serial port, for the session runner: no emulator, no
/// arguments, no exit codes, and a poweroff that does not end anything the tool can see, so the
/// session ends at the kernel's bye record (as for any profile with poweroff_exits false).
/// The boot timeout is the time the person has to power on or reset the board. The arch is arm64:
/// the boards kstress writes images for (flash) are.
/// </summary>
public static class SerialProfile
{
    public static MachineProfile For(string device, int bootTimeoutSeconds, int commandTimeoutSeconds) => new()
    {
        Comment = $"a board on serial port {device}: the kernel's UART is the port; the board is reset by hand",
        Name = "serial",
        Arch = "arm64",
        Binary = device,
        Package = "",
        Image = "",
        MemoryMb = new ProfileRange { Default = 1, Min = 1, Max = 1 },
        Smp = new ProfileRange { Default = 1, Min = 1, Max = 1 },
        Args = new List<string>(),
        ExitCodes = new List<ExitCodeMeaning>(),
        PoweroffExits = false,
        BootTimeoutSeconds = bootTimeoutSeconds,
        CommandTimeoutSeconds = commandTimeoutSeconds,
    };
}
