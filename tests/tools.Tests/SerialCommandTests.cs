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
    public void ABoardQemuCannotBootIsAUsageErrorPointingAtBuildAndFlash()
    {
        KstressException e = Assert.Throws<KstressException>(() => ProfileCatalog.Load().ForBoard("arm64", "rpi4"));

        Assert.Equal(ExitCode.Usage, e.ExitCode);
        Assert.Contains("QEMU 7.2 cannot boot that board", e.Message);
        Assert.Contains("./kstress flash --board rpi4", e.Message);
    }
}
