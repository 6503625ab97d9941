using System.Linq;
using System.Text.Json;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>The kernel boots to the ks> prompt and announces itself with a boot record that checks out.</summary>
[Collection(BootCollection.Name)]
public sealed class PromptAndBootRecordTests
{
    private readonly BootedKernel _kernel;

    public PromptAndBootRecordTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public void PromptAppearsWithinTheBootTimeout()
    {
        long? bootMs = _kernel.Session.Report.BootMs;
        Assert.True(bootMs is not null, $"no prompt: {_kernel.Session.Report.Error}\n{_kernel.Transcript}");
        Assert.InRange(bootMs!.Value, 0, _kernel.Profile.BootTimeoutSeconds * 1000L);
    }

    [Fact]
    public void BootRecordIsTheFirstRecordAndComesBeforeThePrompt()
    {
        JsonElement boot = _kernel.Session.Report.Records.First();
        Assert.Equal("boot", boot.GetProperty("type").GetString());
        Assert.Equal(UartStreamParser.FirstSeq, boot.GetProperty("seq").GetInt64());

        int firstEcho = BootedKernel.Lines(_kernel.Session).First(l => l.IsEcho).Line;
        int bootLine = BootedKernel.Lines(_kernel.Session).First(l => l.HasRecord).Line;
        Assert.True(bootLine < firstEcho, $"boot record on line {bootLine}, first command on line {firstEcho}");
    }

    [Fact]
    public void BootRecordHasTheContractFields()
    {
        JsonElement boot = _kernel.Session.Report.Records.First();

        Assert.Equal(1, boot.GetProperty("schema").GetInt32());
        Assert.Equal(_kernel.Arch, boot.GetProperty("arch").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", boot.GetProperty("version").GetString());
        long memory = boot.GetProperty("memory_bytes").GetInt64();
        Assert.InRange(memory, 1L << 20, (long)_kernel.Profile.MemoryMb.Default << 20);
        Assert.Equal(_kernel.Profile.Smp.Default, boot.GetProperty("cpus").GetInt32());
        Assert.True(boot.GetProperty("boot_ms").GetInt64() >= 0);
    }
}
