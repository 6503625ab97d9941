using System;
using KernelStress.Tool;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A fact for one Raspberry Pi board's image under its QEMU machine, in the arm64 pass of the boot
/// suite (as <see cref="ArmFactAttribute"/>). Where the installed QEMU is older than the board's
/// profile needs (min_qemu_version: raspi4b is QEMU 9.0's) it is reported as skipped with the
/// tool's own one-line reason, so a Debian 12 machine on QEMU 7.2 runs the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RaspberryPiFactAttribute : ArmFactAttribute
{
    public RaspberryPiFactAttribute(string board)
    {
        if (Skip is not null)
        {
            return;
        }
        try
        {
            QemuVersion.Require(ProfileCatalog.Load().ForBoard("arm64", board));
        }
        catch (KstressException e)
        {
            Skip = e.Message;
        }
    }
}
