using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Building;
using KernelStress.Tool.Machines;
using KernelStress.Tool.Sessions;
using KernelStress.Tool.Uart;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Shared by every scenario (one xunit collection, so they run one after another): builds the
/// kernel image once (dotnet build kernel/Kernel.csproj, incremental), then runs one QEMU session
/// that types <see cref="SharedCommands"/> and powers off. Scenarios read that session; the few
/// that need a session of their own call <see cref="RunAsync"/>. Every wait is bounded by the
/// machine profile's timeouts and the runner kills QEMU on every path.
///
/// The machine is the profile for KSTRESS_ARCH (x64 unless set) and KSTRESS_BOARD (arm64 only:
/// virt unless set, rpi3 or rpi4): <c>./kstress test</c> runs this suite once per machine with one code
/// path. What differs between arches comes from the profile (exit codes) or from
/// <see cref="ArchFacts"/> (the CPU's own exceptions), nowhere else.
/// </summary>
public sealed class BootedKernel : IAsyncLifetime
{
    /// <summary>The shared session's commands, in order. Scenarios look up their command's output by its text.</summary>
    public static readonly string[] SharedCommands = { "help", "frob", "version", "version --bogus", "echo hello world" };

    public string Arch { get; } = Environment.GetEnvironmentVariable("KSTRESS_ARCH") is { Length: > 0 } arch ? arch : "x64";

    public string? Board { get; } = Environment.GetEnvironmentVariable("KSTRESS_BOARD") is { Length: > 0 } board ? board : null;

    /// <summary>QEMU's exit code after poweroff, from the profile.</summary>
    public int PoweroffExitCode => Profile.ExitCodes.Single(e => e.Means == QemuExit.Poweroff).Code;

    /// <summary>
    /// QEMU's exit code after a panic: the profile's panic code, or on a machine that can only end
    /// one way (arm64: PSCI SYSTEM_OFF, the Pi's watchdog) the poweroff code.
    /// </summary>
    public int PanicExitCode => Profile.ExitCodes.FirstOrDefault(e => e.Means == QemuExit.Panic)?.Code ?? PoweroffExitCode;

    /// <summary>The options that select this machine on a kstress command line.</summary>
    public string[] MachineArguments => Board is null ? new[] { "--arch", Arch } : new[] { "--arch", Arch, "--board", Board };

    public MachineProfile Profile { get; private set; } = null!;

    public string ImagePath { get; private set; } = null!;

    /// <summary>The shared session.</summary>
    public SessionResult Session { get; private set; } = null!;

    /// <summary>What the UART showed during the shared session, as a person would read it (for failure messages).</summary>
    public string Transcript { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Profile = ProfileCatalog.Load().ForBoard(Arch, Board);
        KernelBuild.Outcome build = await KernelBuild.RunAsync(Profile.Target, CancellationToken.None);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"kernel build for {Profile.Target.Flavor} failed (exit {build.ExitCode}):\n" + string.Join("\n", build.Output));
        }
        ImagePath = RepoRoot.Resolve(Profile.Image);
        Assert.True(File.Exists(ImagePath), $"the build did not produce {Profile.Image}");

        (Session, Transcript) = await RunWithTranscriptAsync(SharedCommands);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A session of its own, through the same runner <c>kstress run</c> uses.</summary>
    public async Task<SessionResult> RunAsync(params string[] commands) => (await RunWithTranscriptAsync(commands)).Result;

    /// <summary>A session of its own on a machine with <paramref name="memoryMb"/> MiB of RAM (QEMU's -m).</summary>
    public async Task<SessionResult> RunWithMemoryAsync(int memoryMb, params string[] commands) =>
        (await RunWithTranscriptAsync(commands, memoryMb)).Result;

    /// <summary>A session of its own on a machine with <paramref name="cpus"/> CPUs (QEMU's -smp).</summary>
    public async Task<SessionResult> RunWithCpusAsync(int cpus, params string[] commands) =>
        (await RunWithTranscriptAsync(commands, smp: cpus)).Result;

    /// <summary>A session of its own with options of its own (CPUs, timeouts...).</summary>
    public async Task<SessionResult> RunWithOptionsAsync(Func<SessionOptions, SessionOptions> adjust, params string[] commands)
    {
        SessionOptions options = adjust(SessionOptions.ForProfile(Profile, ImagePath, commands));
        return await new SessionRunner(QemuMachine.Launcher, new UartConsole(new StringWriter())).RunAsync(options, CancellationToken.None);
    }

    /// <summary>The UART lines a command printed: from its echo line to the next prompt (records excluded).</summary>
    public IReadOnlyList<string> OutputOf(string command)
    {
        List<LineReceived> lines = Lines(Session).ToList();
        int echo = lines.FindIndex(l => l.IsEcho && l.EchoedCommand == command);
        Assert.True(echo >= 0, $"no echo of '{command}' in the session:\n{Transcript}");
        return lines.Skip(echo + 1).TakeWhile(l => !l.IsEcho && !l.HasRecord).Select(l => l.Text).ToList();
    }

    public static IEnumerable<LineReceived> Lines(SessionResult session)
    {
        var parser = new UartStreamParser();
        return parser.Feed(session.Log).Concat(parser.Complete()).OfType<LineReceived>().ToList();
    }

    private async Task<(SessionResult Result, string Transcript)> RunWithTranscriptAsync(string[] commands, int? memoryMb = null, int? smp = null)
    {
        var transcript = new StringWriter();
        SessionOptions options = SessionOptions.ForProfile(Profile, ImagePath, commands);
        if (memoryMb is int memory)
        {
            options = options with { MemoryMb = memory };
        }
        if (smp is int cpus)
        {
            options = options with { Smp = cpus };
        }
        SessionResult result = await new SessionRunner(QemuMachine.Launcher, new UartConsole(transcript)).RunAsync(options, CancellationToken.None);
        return (result, transcript.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class BootCollection : ICollectionFixture<BootedKernel>
{
    public const string Name = "boot";
}
