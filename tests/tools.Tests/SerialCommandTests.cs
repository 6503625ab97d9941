using System.IO;
using System.Threading.Tasks;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// <c>kstress serial</c>'s command line and port errors, and the board profiles (no port needed).
/// A whole session over a pseudo-terminal from QEMU's -serial pty is in tests/boot (SerialOverPtyTests).
/// </summary>
public class SerialCommandTests
{
    [Fact]
    public async Task AMissingPortIsInfrastructureTroubleNamingTheDevice()
    {
        (int code, string stdErr) = await FlashCommandTests.Invoke("serial", "--port", "/dev/kstress-no-such-port", "-c", "version");

        Assert.Equal((int)ExitCode.Infrastructure, code);
        Assert.Contains("kstress: error: serial port /dev/kstress-no-such-port does not exist", stdErr);
    }

    [Theory]
    [InlineData("--baud", "0", "--baud must be a positive number")]
    [InlineData("--boot-timeout", "-5", "--boot-timeout must be a positive number")]
    public async Task NonPositiveNumbersAreUsageErrors(string option, string value, string expected)
    {
        (int code, string stdErr) = await FlashCommandTests.Invoke("serial", "--port", "/dev/null", option, value, "-c", "version");

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Contains(expected, stdErr);
    }

    [Fact]
    public async Task PortIsRequiredAndPoweroffIsNotTyped()
    {
        (int noPort, _) = await FlashCommandTests.Invoke("serial", "-c", "version");
        Assert.Equal((int)ExitCode.Usage, noPort);

        (int poweroff, string stdErr) = await FlashCommandTests.Invoke("serial", "--port", "/dev/null", "-c", "poweroff");
        Assert.Equal((int)ExitCode.Usage, poweroff);
        Assert.Contains("-c 'poweroff' is not needed", stdErr);
    }

    [Fact]
    public void TheRaspberryPi3ProfileBootsKernel8ImgOnRaspi3b()
    {
        ProfileCatalog catalog = ProfileCatalog.Load();
        MachineProfile pi = catalog.ForBoard("arm64", "rpi3");

        Assert.Equal("artifacts/arm64-rpi3/kernel8.img", pi.Image);
        Assert.False(pi.DefaultForArch);
        Assert.Contains("raspi3b", pi.Args);
        Assert.Equal("1024 only", pi.MemoryMb.ToString());
        Assert.Equal("virt", catalog.ForArch("arm64").Board);
    }

    [Fact]
    public void TheRaspberryPi4ProfileBootsKernel8ImgOnRaspi4bFromQemu9()
    {
        MachineProfile pi = ProfileCatalog.Load().ForBoard("arm64", "rpi4");

        Assert.Equal("arm64-rpi4", pi.Name);
        Assert.Equal("artifacts/arm64-rpi4/kernel8.img", pi.Image);
        Assert.False(pi.DefaultForArch);
        Assert.Contains("raspi4b", pi.Args);
        Assert.Equal("2048 only", pi.MemoryMb.ToString());
        Assert.Equal("4 only", pi.Smp.ToString());
        Assert.Equal("9.0", pi.MinQemuVersion);
    }

    [Fact]
    public void ABoardWithoutAProfileIsAUsageErrorPointingAtBuildAndFlash()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-profile").FullName;
        try
        {
            File.Copy(RepoRoot.Resolve("qemu/arm64-virt.json"), Path.Combine(dir, "arm64-virt.json"));
            KstressException e = Assert.Throws<KstressException>(() => ProfileCatalog.Load(dir).ForBoard("arm64", "rpi4"));

            Assert.Equal(ExitCode.Usage, e.ExitCode);
            Assert.Contains("no QEMU machine profile for --arch arm64 --board rpi4", e.Message);
            Assert.Contains("./kstress flash --board rpi4", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
