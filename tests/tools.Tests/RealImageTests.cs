using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Crashes;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Tool.Tests;

/// <summary>Builds the real x64 image once (or finds it current) for the tests that need it.</summary>
public sealed class RealImage : IAsyncLifetime
{
    public MachineProfile Profile { get; } = ProfileCatalog.Load().ForArch("x64");

    public string Elf => KernelSymbols.DefaultElf("x64");

    public async Task InitializeAsync() => await KernelBuild.EnsureImageAsync(Profile, allowBuild: true, TextWriter.Null, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// End to end on the real image in real QEMU: a `fault ud` run's fault record symbolized against
/// artifacts/x64/kernel.elf and disassembled (by run, parse, and into the JSON), and
/// `run --repeat 3 --json` with every output format.
/// </summary>
public sealed class RealImageTests : IClassFixture<RealImage>
{
    private readonly RealImage _image;

    public RealImageTests(RealImage image)
    {
        _image = image;
    }

    [Fact]
    public void ElfSymbolsNameTheFaultStubsAndLeaveDataUnnamed()
    {
        ElfSymbols symbols = ElfSymbols.Load(_image.Elf);
        Assert.True(symbols.Count > 100, $"only {symbols.Count} code symbols in {_image.Elf}");
        Assert.Null(symbols.Resolve(0));
        Assert.Null(symbols.Resolve(0xFFFF_FFFF_FFFF_0000));
    }

    [Fact]
    public async Task FaultUdIsSymbolizedAndDisassembledByRunAndParse()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-fault").FullName;
        try
        {
            string json = Path.Combine(dir, "out.json"), log = Path.Combine(dir, "uart.log");
            (int code, _, string stdErr) = await Kstress("run", "--no-build", "-q", "-c", "fault ud", "--json", json, "--log", log);

            Assert.True(code == (int)ExitCode.Pass, stdErr);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement crash = Assert.Single(report.RootElement.GetProperty("crashes").EnumerateArray());
            Assert.Equal("fault", crash.GetProperty("type").GetString());
            Assert.Equal("invalid opcode (#UD)", crash.GetProperty("reason").GetString());
            string function = crash.GetProperty("function").GetString()!;
            Assert.StartsWith("ks_fault", function); // the assembly stub that executes ud2
            string[] disassembly = crash.GetProperty("disassembly").EnumerateArray().Select(l => l.GetString()!).ToArray();
            Assert.StartsWith("=> " + crash.GetProperty("address").GetString() + ": 0f 0b", disassembly[0]);
            Assert.EndsWith("ud2", disassembly[0]);
            // The return addresses on the stack lead back through the faulting thread's code: the fault
            // injection, the fault command, or (when those end in tail calls) the thread's start.
            Assert.Contains(crash.GetProperty("stack").EnumerateArray(), w => w.GetProperty("function").GetString() is { } f
                && (f.Contains("FaultInjection") || f.Contains("FaultCommand") || f.Contains("Scheduler__ThreadStart") || f.StartsWith("ks_thread_start", StringComparison.Ordinal)));
            Assert.Contains($"in {function}", stdErr);

            (int parseCode, _, string parseErr) = await Kstress("parse", log, "--elf", _image.Elf, "-o", Path.Combine(dir, "parsed.json"));
            Assert.Equal((int)ExitCode.Pass, parseCode);
            Assert.Contains($"at {crash.GetProperty("address").GetString()} in {function}", parseErr);
            Assert.Contains("ud2", parseErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RepeatThreeWritesOneReportWithThreeRunsAndVariability()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-repeat-e2e").FullName;
        try
        {
            string json = Path.Combine(dir, "out.json"), junit = Path.Combine(dir, "out.xml"), csv = Path.Combine(dir, "out.csv"), ktap = Path.Combine(dir, "out.ktap");
            (int code, string stdOut, string stdErr) = await Kstress("run", "--no-build", "-q", "--repeat", "3", "-c", "bench switch",
                "--json", json, "--junit", junit, "--csv", csv, "--ktap", ktap);

            Assert.True(code == (int)ExitCode.Pass, stdErr);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement root = report.RootElement;
            Assert.Equal("PASS", root.GetProperty("verdict").GetString());
            Assert.Equal(3, root.GetProperty("runs").GetArrayLength());
            Assert.All(root.GetProperty("runs").EnumerateArray(), r => Assert.Equal(33, r.GetProperty("qemu_exit_code").GetInt32()));
            JsonElement p99 = root.GetProperty("variability").EnumerateArray()
                .Single(r => r.GetProperty("result").GetString() == "bench_switch" && r.GetProperty("metric").GetString() == "p99_ns");
            Assert.Equal(3, p99.GetProperty("n").GetInt32());
            Assert.True(p99.GetProperty("min").GetDouble() > 0 && p99.GetProperty("max").GetDouble() >= p99.GetProperty("min").GetDouble());
            Assert.Contains("boot to prompt over 3 of 3 sessions", stdErr);
            Assert.Contains("variability across sessions", stdOut);
            Assert.Equal(4, File.ReadAllLines(csv).Length);
            Assert.Equal(3, File.ReadAllText(junit).Split("<testcase ").Length - 1);
            Assert.StartsWith("KTAP version 1\n1..3\n", File.ReadAllText(ktap));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One CPU spinning with interrupts off: the host reads it through QEMU's monitor and names the spin loop.</summary>
    [Fact]
    public async Task AHangWithInterruptsOffShowsWhereTheCpuSpins()
    {
        string dir = Directory.CreateTempSubdirectory("kstress-hang").FullName;
        try
        {
            string json = Path.Combine(dir, "out.json");
            (int code, _, string stdErr) = await Kstress("run", "--no-build", "-q", "--smp", "1", "--timeout", "3",
                "-c", "spin 20000 --interrupts-off", "-c", "uptime", "--json", json);

            Assert.True(code == (int)ExitCode.Infrastructure, stdErr);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
            // HANG when the spin starts after spin's prompt (silence after 'uptime'); ERROR when it
            // starts before that prompt, which then never comes: the CPUs are read either way.
            Assert.Contains(report.RootElement.GetProperty("verdict").GetString(), new[] { "HANG", "ERROR" });
            JsonElement cpu = Assert.Single(report.RootElement.GetProperty("hung_cpus").EnumerateArray());
            Assert.False(cpu.GetProperty("interrupts_enabled").GetBoolean());
            Assert.False(cpu.GetProperty("halted").GetBoolean());
            Assert.Contains(cpu.GetProperty("stack").EnumerateArray(), w => w.GetProperty("function").GetString()?.Contains("SpinCommand__Spin") == true);
            Assert.Contains("CPU 0 ran with interrupts off", stdErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A shell that sleeps past the timeout on two CPUs: both are caught halted in the idle loop, the shape of a lost wake-up, and the status key shows the shell sleeping.</summary>
    [Fact]
    public async Task AHangWithEveryCpuIdleShowsThemHalted()
    {
        (int code, _, string stdErr) = await Kstress("run", "--no-build", "-q", "--smp", "2", "--timeout", "3", "-c", "sleep 20000");

        Assert.True(code == (int)ExitCode.Infrastructure, stdErr);
        Assert.Contains("every CPU was halted waiting for an interrupt", stdErr);
        Assert.Contains("CPU 0 at ", stdErr);
        Assert.Contains("CPU 1 at ", stdErr);
        Assert.Contains("Scheduler__IdleLoop", stdErr);
        // Before that, run pressed Ctrl-T: the kernel's own thread table, the shell asleep in it.
        Assert.Contains("status (Ctrl-T):", stdErr);
        Assert.Matches(@"\|\s+0 shell\s+sleeping ", stdErr);
    }

    private static async Task<(int Code, string StdOut, string StdErr)> Kstress(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdOut.ToString(), stdErr.ToString());
    }
}
