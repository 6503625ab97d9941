using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests.Lava;

/// <summary>kstress lava's argument errors exit 64 with one line saying what to do, and its job names each command's test case.</summary>
public sealed class LavaCommandTests
{
    [Theory]
    [InlineData(new[] { "lava" }, "Option '--command' is required.")]
    [InlineData(new[] { "lava", "-c", "uptime", "--timeout", "0" }, "--timeout expects minutes from 1 to 1440, got 0")]
    [InlineData(new[] { "lava", "-c", "uptime", "--board", "rpi5" }, "Argument 'rpi5' not recognized")]
    [InlineData(new[] { "lava", "-c", "uptime", "--seed", "3", "--image-url", "http://x/k" }, "--seed 3 would not be used")]
    [InlineData(new[] { "lava", "-c", "uptime", "--board", "rpi3", "--image-url", "http://x/k", "--device-dict", "/tmp/kstress-never.yaml" }, "--device-dict is for a local worker's qemu device: a rpi3's device dictionary comes from the lab's bcm2837-rpi-3-b template")]
    [InlineData(new[] { "lava", "-c", "uptime", "--arch", "x64", "--board", "rpi4", "--image-url", "http://x/k" }, "--board rpi4 is an arm64 board but --arch is x64")]
    public async Task BadArgumentsExit64(string[] args, string message)
    {
        (int code, string stdOut, string stdErr) = await LavaDispatcher.Kstress(args);

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Equal("", stdOut);
        Assert.Contains($"kstress: error: {message}", stdErr);
        Assert.DoesNotContain("   at ", stdErr);
        Assert.False(File.Exists("/tmp/kstress-never.yaml"));
    }

    [Fact]
    public async Task EachCommandIsOneNamedTestCaseWithTheSeedAppended()
    {
        (int code, string job, string stdErr) = await LavaDispatcher.Kstress("lava", "--board", "rpi3", "-c", "stresstest memory --duration 500", "-c", "mem",
            "--seed", "99", "--image-url", "https://example.org/kernel8.img");

        Assert.True(code == 0, stdErr);
        Assert.Contains("device_type: bcm2837-rpi-3-b", job);
        Assert.Contains("to: flasher", job);
        Assert.Contains("method: minimal", job);
        Assert.Contains("- name: 1-stresstest-memory-duration-500-seed-99\n        command: stresstest memory --duration 500 --seed 99\n", job);
        Assert.Contains("- name: 2-mem\n        command: mem\n", job);
        Assert.Contains("kernel-start-message: KernelStress", job);
    }
}
