using System.IO;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>
/// The verbs invoked in-process through the same entry as the real tool: bad arguments exit 64
/// with one clear "kstress: error:" line and nothing starts (no build, no QEMU).
/// </summary>
public class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "frob" }, "Unrecognized command or argument 'frob'")]
    [InlineData(new[] { "run", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [InlineData(new[] { "run", "--arch", "riscv" }, "Argument 'riscv' not recognized. Must be one of: 'x64' 'arm64'")]
    [InlineData(new[] { "run", "--smp", "two" }, "Cannot parse argument 'two' for option '--smp'")]
    [InlineData(new[] { "run", "--timeout", "0" }, "--timeout must be a positive number of seconds, not 0")]
    [InlineData(new[] { "run", "--repeat", "0" }, "--repeat must be at least 1, not 0")]
    [InlineData(new[] { "run", "-c" }, "Required argument missing for option: '-c'")]
    [InlineData(new[] { "build", "--arch", "arm" }, "Argument 'arm' not recognized")]
    [InlineData(new[] { "boot", "extra" }, "Unrecognized command or argument 'extra'")]
    [InlineData(new[] { "parse" }, "Required argument missing for command: 'parse'")]
    [InlineData(new[] { "parse", "x.log", "--format", "xml" }, "Argument 'xml' not recognized. Must be one of: 'json' 'csv' 'junit' 'ktap'")]
    [InlineData(new[] { "run", "--parallel", "0" }, "--parallel must be at least 1, not 0")]
    [InlineData(new[] { "run", "--seed", "-1" }, "Cannot parse argument '-1' for option '--seed'")]
    [InlineData(new[] { "validate" }, "Required argument missing for command: 'validate'")]
    [InlineData(new[] { "report", "x.json" }, "Option '--output' is required.")]
    public async Task ParseErrorsExit64WithOneClearLine(string[] args, string message)
    {
        (int code, string stdOut, string stdErr) = await Invoke(args);

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.Equal("", stdOut);
        Assert.Contains($"kstress: error: {message}", stdErr);
        Assert.Contains("--help' for usage.", stdErr);
        Assert.DoesNotContain("   at ", stdErr);
    }

    [Theory]
    [InlineData(new[] { "run", "--smp", "99" }, "--smp 99 is out of range for the x64 machine (1..8 CPUs): pick a value in that range or leave it out for 2")]
    [InlineData(new[] { "run", "--memory", "4" }, "--memory 4 is out of range for the x64 machine (32..4096 MiB)")]
    [InlineData(new[] { "boot", "--arch", "arm64", "--smp", "0" }, "--smp 0 is out of range for the arm64-virt machine")]
    [InlineData(new[] { "run", "-c", "version", "-c", "poweroff" }, "-c 'poweroff' is not needed: run types poweroff itself after the last command")]
    [InlineData(new[] { "run", "-c", "help\nversion" }, "-c 'help version' contains a line break: give each command its own -c")]
    [InlineData(new[] { "parse", "/nonexistent/uart.log" }, "cannot read LOG '/nonexistent/uart.log'")]
    [InlineData(new[] { "report", "/nonexistent/run.json", "-o", "/tmp/kstress-never.html" }, "cannot read '/nonexistent/run.json'")]
    [InlineData(new[] { "parse", "/dev/null", "--elf", "/nonexistent/kernel.elf" }, "cannot read the kernel image '/nonexistent/kernel.elf' for symbols")]
    public async Task ValueErrorsExit64WithWhatWhyAndNext(string[] args, string message)
    {
        (int code, _, string stdErr) = await Invoke(args);

        Assert.Equal((int)ExitCode.Usage, code);
        Assert.StartsWith($"kstress: error: {message}", stdErr);
        Assert.DoesNotContain("   at ", stdErr);
    }

    [Fact]
    public async Task MissingImageWithNoBuildSaysHowToBuildIt()
    {
        if (File.Exists(RepoRoot.Resolve("artifacts/arm64/kernel.elf")))
        {
            return; // the arm64 image exists on this machine: nothing to report
        }
        (int code, _, string stdErr) = await Invoke("boot", "--arch", "arm64", "--no-build");

        Assert.Equal((int)ExitCode.Infrastructure, code);
        Assert.Equal("kstress: error: image not built: artifacts/arm64/kernel.elf does not exist: run ./kstress build --arch arm64 --board virt\n", stdErr.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task BootHelpSaysHowToQuit()
    {
        (int code, string stdOut, _) = await Invoke("boot", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Ctrl-A then X", stdOut);
        Assert.Contains("poweroff", stdOut);
    }

    [Fact]
    public async Task RunHelpListsItsOptionsAndExitCodes()
    {
        (int code, string stdOut, _) = await Invoke("run", "--help");

        Assert.Equal(0, code);
        foreach (string option in new[] { "-c, --command", "--json", "--log", "--timeout", "--repeat", "--arch", "--smp", "--memory", "--no-build" })
        {
            Assert.Contains(option, stdOut);
        }
        Assert.Contains("Exit codes: 0 pass; 1 ", stdOut);
    }

    [Fact]
    public async Task ParseOfAGoodLogWritesJsonAndExits0()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-parse").FullName;
        try
        {
            string log = Path.Combine(dir, "uart.log");
            string json = Path.Combine(dir, "out.json");
            File.WriteAllText(log, Uart.Boot() + "\r\nks> version\r\nKernelStress 0.1.0\r\nks> ");

            (int code, string stdOut, string stdErr) = await Invoke("parse", log, "-o", json);

            Assert.Equal(0, code);
            Assert.Equal("", stdOut);
            Assert.Contains("\"verdict\": \"PASS\"", File.ReadAllText(json));
            Assert.Contains("kstress: PASS", stdErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ParseExitCodeFollowsTheVerdict()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-parse").FullName;
        try
        {
            string failing = Path.Combine(dir, "fail.log");
            File.WriteAllText(failing, Uart.Boot() + "\r\nks> frob\r\nerror: unknown command 'frob'\r\nks> ");
            string corrupt = Path.Combine(dir, "corrupt.log");
            File.WriteAllText(corrupt, Uart.Boot() + "\r\n" + Uart.Result(1).Replace("memory", "memorX") + "\r\n");

            (int failCode, string failJson, _) = await Invoke("parse", failing);
            (int corruptCode, _, string corruptErr) = await Invoke("parse", corrupt);

            Assert.Equal((int)ExitCode.TestFailure, failCode);
            Assert.Contains("\"verdict\": \"FAIL\"", failJson);
            Assert.Equal((int)ExitCode.Infrastructure, corruptCode);
            Assert.Contains("kstress: error: " + corrupt + ": 1 corrupt record(s)", corruptErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Code, string StdOut, string StdErr)> Invoke(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdOut.ToString(), stdErr.ToString());
    }
}
