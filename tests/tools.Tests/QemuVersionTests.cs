using System;
using System.IO;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// A profile's min_qemu_version (qemu/arm64-rpi4.json: raspi4b is QEMU 9.0's) against the QEMU on
/// PATH: a fake qemu-system-aarch64 that prints Debian 12's version line is refused in one line
/// naming both versions; the same fake printing Debian 13's (or backports') version, and the same
/// profile without the field, boot.
/// </summary>
public class QemuVersionTests
{
    private const string Debian12 = "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n";
    private const string Backports = "QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n";

    [Theory]
    [InlineData(Debian12, "7.2.22")]
    [InlineData(Backports, "10.0.2")]
    [InlineData("QEMU emulator version 9.0\n", "9.0")]
    public void TheVersionLineIsRead(string output, string expected)
    {
        Assert.Equal(Version.Parse(expected), QemuVersion.Parse(output));
    }

    [Fact]
    public void OutputWithoutAVersionLineHasNoVersion()
    {
        Assert.Null(QemuVersion.Parse("qemu-system-aarch64: unknown option\n"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void AnOlderQemuIsRefusedInOneLineNamingBothVersions()
    {
        WithFakeQemu(Debian12, profile =>
        {
            KstressException e = Assert.Throws<KstressException>(() => QemuVersion.Require(profile));
            Assert.Equal(ExitCode.Infrastructure, e.ExitCode);
            Assert.Contains("the arm64-rpi4 machine needs QEMU 9.0 or later", e.Message);
            Assert.Contains("is QEMU 7.2.22", e.Message);
            Assert.Contains("bookworm-backports", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        });
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TheTestedQemuPasses()
    {
        WithFakeQemu(Backports, QemuVersion.Require);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void WithoutMinQemuVersionAnyQemuPasses()
    {
        WithFakeQemu(Debian12, QemuVersion.Require, withoutMinimum: true);
    }

    // The repo's Pi 4 profile with its binary pointed at a script that prints `versionOutput`.
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void WithFakeQemu(string versionOutput, Action<MachineProfile> check, bool withoutMinimum = false)
    {
        string dir = Directory.CreateTempSubdirectory("kstress-qemuversion").FullName;
        try
        {
            string script = Path.Combine(dir, "qemu-system-aarch64");
            File.WriteAllText(script, "#!/bin/sh\ncat <<'EOF'\n" + versionOutput + "EOF\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string profile = File.ReadAllText(RepoRoot.Resolve("qemu/arm64-rpi4.json"));
            Assert.Contains("\"min_qemu_version\": \"9.0\",", profile);
            profile = profile.Replace("\"binary\": \"qemu-system-aarch64\"", $"\"binary\": \"{script}\"");
            if (withoutMinimum)
            {
                profile = profile.Replace("\"min_qemu_version\": \"9.0\",", "");
            }
            File.WriteAllText(Path.Combine(dir, "arm64-rpi4.json"), profile);
            check(Assert.Single(ProfileCatalog.Load(dir).Profiles));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
