using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace KernelStress.Tool.Tests.Lava;

/// <summary>Every job kstress lava writes (x64, arm64 virt, Pi 3, Pi 4) passes LAVA's own job schema, and the schema check rejects a broken job.</summary>
public sealed class LavaJobSchemaTests
{
    [Theory]
    [InlineData("--arch", "x64")]
    [InlineData("--arch", "arm64")]
    [InlineData("--board", "rpi3")]
    [InlineData("--board", "rpi4")]
    public async Task GeneratedJobPassesLavaSchema(string option, string value)
    {
        string dir = Directory.CreateTempSubdirectory("kstress-lava-schema").FullName;
        try
        {
            string job = Path.Combine(dir, "job.yaml");
            (int code, _, string stdErr) = await LavaDispatcher.Kstress("lava", option, value, "-c", "selftest", "-c", "stresstest chaos --duration 1000 --fail-rate 20",
                "-c", "echo \"quoted words\" true 10", "--seed", "42", "--timeout", "5", "--image-url", "https://example.org/kernelstress/image", "-o", job);
            Assert.True(code == 0, stdErr);

            (int valid, string output) = await LavaDispatcher.ValidateAsync(job);

            Assert.True(valid == 0, output);
            Assert.Contains("valid", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Negative control: the same check fails a job whose test case name LAVA does not allow (a space in it).</summary>
    [Fact]
    public async Task LavaSchemaRejectsABrokenJob()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-lava-schema").FullName;
        try
        {
            string job = Path.Combine(dir, "job.yaml");
            (int code, _, string stdErr) = await LavaDispatcher.Kstress("lava", "-c", "uptime", "--image-url", "https://example.org/kernel.bin", "-o", job);
            Assert.True(code == 0, stdErr);
            string text = File.ReadAllText(job);
            Assert.Contains("name: 1-uptime", text);
            File.WriteAllText(job, text.Replace("name: 1-uptime", "name: 1 uptime"));

            (int valid, string output) = await LavaDispatcher.ValidateAsync(job);

            Assert.Equal(1, valid);
            Assert.Contains("name", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
