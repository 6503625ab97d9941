using System.IO;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Flashing;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// <c>kstress flash</c>: the boot files' content per board and the command line's errors (no build
/// needed). The image it writes boots under raspi3b in tests/boot (RaspberryPi3BootTests).
/// </summary>
public class FlashCommandTests
{
    [Theory]
    [InlineData("rpi3")]
    [InlineData("rpi4")]
    public void ConfigTxtStartsTheBoardIn64BitWithUart0OnGpio14And15(string board)
    {
        string config = BootFiles.ConfigTxt(KernelTarget.From("arm64", board));

        Assert.Contains("\narm_64bit=1\n", config);
        Assert.Contains("\nkernel=kernel8.img\n", config);
        Assert.Contains("\nkernel_address=0x80000\n", config);
        Assert.Contains("\nenable_uart=1\n", config);
        Assert.Contains("\ndtoverlay=disable-bt\n", config);
        Assert.Contains("\ninit_uart_clock=48000000\n", config);
        Assert.Equal(board == "rpi4", config.Contains("\nenable_gic=1\n"));
    }

    [Theory]
    [InlineData("rpi3", "bootcode.bin")]
    [InlineData("rpi4", "start4.elf")]
    public void ReadmeNamesTheWiringTheLineSettingsAndTheFirmware(string board, string firmware)
    {
        string readme = BootFiles.Readme(KernelTarget.From("arm64", board));

        Assert.Contains("GPIO 14 = TXD0, header pin 8   ->  cable RX", readme);
        Assert.Contains("GPIO 15 = RXD0, header pin 10  ->  cable TX", readme);
        Assert.Contains("115200 baud, 8 data bits, no parity, 1 stop bit (8N1)", readme);
        Assert.Contains(firmware, readme);
        Assert.Contains("./kstress serial --port", readme);
    }

    [Fact]
    public async Task ABoardThatIsNotAPiIsAUsageError()
    {
        (int code, string stdErr) = await Invoke("flash", "--board", "virt", "--out", Path.GetTempPath());

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Contains("'virt'", stdErr);
    }

    [Fact]
    public async Task AFileAsTheOutputDirectoryIsAUsageError()
    {
        string file = Path.GetTempFileName();
        try
        {
            (int code, string stdErr) = await Invoke("flash", "--board", "rpi3", "--out", file);

            Assert.Equal((int)ExitCode.Usage, code);
            Assert.Contains($"kstress: error: --out {file} is a file, not a directory", stdErr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TargetsNameTheirImages()
    {
        Assert.Equal("artifacts/arm64-rpi3/kernel8.img", KernelTarget.From("arm64", "rpi3").FlatImage);
        Assert.Equal("artifacts/arm64/kernel.bin", KernelTarget.From("arm64", null).FlatImage);
        Assert.Equal("artifacts/x64/kernel.bin", KernelTarget.From("x64", null).FlatImage);
        KstressException e = Assert.Throws<KstressException>(() => KernelTarget.From("x64", "rpi3"));
        Assert.Equal(ExitCode.Usage, e.ExitCode);
    }

    internal static async Task<(int Code, string StdErr)> Invoke(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdErr.ToString());
    }
}
