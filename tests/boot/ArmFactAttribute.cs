using System;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// A fact for the arm64 pass of the boot suite (KSTRESS_ARCH=arm64): in the x64 pass it is
/// reported as skipped, with the reason, rather than run twice or passed without running.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public class ArmFactAttribute : FactAttribute
{
    public ArmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("KSTRESS_ARCH") != "arm64")
        {
            Skip = "an arm64 board test: it runs in the KSTRESS_ARCH=arm64 pass of ./kstress test";
        }
    }
}
