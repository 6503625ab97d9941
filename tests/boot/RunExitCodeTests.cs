using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Cli;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>kstress run</c> end to end, in-process: exit 1 for a session with an error line and 0 for
/// a clean one, with the JSON and log files it promises.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class RunExitCodeTests
{
    private readonly BootedKernel _kernel;

    public RunExitCodeTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task ErrorLineMakesRunExit1AndParseAgrees()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-boot-run").FullName;
        try
        {
            string json = Path.Combine(dir, "out.json");
            string log = Path.Combine(dir, "uart.log");

            (int code, string stdErr) = await Kstress(_kernel.MachineArguments.Prepend("run").Concat(new[] { "--no-build", "-q", "-c", "frob", "--json", json, "--log", log }).ToArray());

            Assert.True(code == (int)ExitCode.TestFailure, stdErr);
            Assert.Contains("kstress: FAIL: 'frob' answered: error: ", stdErr);
            using (JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(json)))
            {
                JsonElement root = report.RootElement;
                Assert.Equal("FAIL", root.GetProperty("verdict").GetString());
                Assert.Equal(_kernel.PoweroffExitCode, root.GetProperty("qemu_exit_code").GetInt32());
                Assert.True(root.GetProperty("boot_ms").GetInt64() > 0);
                JsonElement frob = root.GetProperty("commands")[0];
                Assert.Equal("frob", frob.GetProperty("command").GetString());
                Assert.StartsWith("error: ", frob.GetProperty("errors")[0].GetString());
                Assert.True(frob.GetProperty("duration_ms").GetInt64() >= 0);
            }

            (int parseCode, _) = await Kstress("parse", log, "-o", Path.Combine(dir, "parsed.json"));
            Assert.Equal((int)ExitCode.TestFailure, parseCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task CleanSessionMakesRunExit0()
    {
        (int code, string stdErr) = await Kstress(_kernel.MachineArguments.Prepend("run").Concat(new[] { "--no-build", "-q", "-c", "version", "-c", "help" }).ToArray());

        Assert.True(code == (int)ExitCode.Pass, stdErr);
        Assert.Contains("kstress: PASS: 2 command(s)", stdErr);
    }

    private static async Task<(int Code, string StdErr)> Kstress(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdErr.ToString());
    }
}
