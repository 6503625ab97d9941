using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using KernelStress.Tool.Debugging;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// The debugger: QEMU starts with its gdbstub and the CPUs stopped (<see cref="GdbStub"/>, what
/// <c>run --gdb-wait</c> adds); <c>gdb-multiarch</c> in batch mode attaches with the image's symbols,
/// sets a hardware breakpoint on a managed method by its symbol name and continues. The kernel
/// boots, stops there when the shell runs <c>version</c>, <c>bt</c> shows the managed frames that
/// called it, and after gdb detaches the command finishes and the session passes. The negative
/// control is the same session with the breakpoint on a command it never types (<c>fault</c>):
/// gdb sees no stop, and the session passes.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class GdbTests
{
    private const string VersionRun = "kernel_KernelStress_Kernel_Shell_Commands_VersionCommand__Run";
    private const string NeverRun = "kernel_KernelStress_Kernel_Shell_Commands_FaultCommand__Run";

    private readonly BootedKernel _kernel;

    public GdbTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task BreakpointOnAManagedMethodStopsTheKernelWithManagedFrames()
    {
        (SessionResult session, string gdb) = await RunUnderGdbAsync(VersionRun);

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        Assert.Matches($@"Breakpoint 1, 0x[0-9a-f]+ in {VersionRun} \(\)", gdb);
        string[] frames = Regex.Matches(gdb, @"^#\d+\s+0x[0-9a-f]+ in (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(frames.Length >= 3, "bt showed fewer than three frames:\n" + gdb);
        Assert.Equal(VersionRun, frames[0]);
        Assert.StartsWith("kernel_KernelStress_Kernel_Shell_", frames[1]);
        Assert.Contains(frames, f => f.StartsWith("kernel_KernelStress_Kernel_Shell_KernelShell__"));
        Assert.Contains(BootedKernel.Lines(session), l => l.Text.StartsWith("KernelStress ") && l.Text.Contains(_kernel.Arch));
    }

    [Fact]
    public async Task BreakpointOnAMethodNotRunDoesNotStop()
    {
        (SessionResult session, string gdb) = await RunUnderGdbAsync(NeverRun);

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        Assert.Contains("breakpoint 1 at 0x", gdb, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Breakpoint 1, ", gdb);
    }

    /// <summary>
    /// A session typing <c>version</c> under gdb: attach (retried until QEMU listens), hbreak on
    /// <paramref name="symbol"/>, continue, and at the stop bt, delete and detach. When the
    /// breakpoint is never hit gdb ends with QEMU at poweroff.
    /// </summary>
    private async Task<(SessionResult Session, string Gdb)> RunUnderGdbAsync(string symbol)
    {
        var stub = new GdbStub(FreePort(), StoppedAtStart: true);
        Task<SessionResult> session = _kernel.RunWithOptionsAsync(o => o with { ExtraQemuArguments = stub.QemuArguments }, "sleep 200", "version");
        string output = "";
        for (int attempt = 0; attempt < 50 && !session.IsCompleted; attempt++)
        {
            output = await GdbAsync(stub, symbol);
            if (!output.Contains("Connection refused"))
            {
                break;
            }
            await Task.Delay(200);
        }
        return (await session, output);
    }

    private async Task<string> GdbAsync(GdbStub stub, string symbol)
    {
        var info = new ProcessStartInfo("gdb-multiarch") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[]
        {
            "-q", "-batch", "-nx", GdbStub.Elf(_kernel.Profile.Target),
            "-ex", $"target remote localhost:{stub.Port}", "-ex", $"hbreak {symbol}", "-ex", "continue",
            "-ex", "bt 12", "-ex", "delete", "-ex", "detach",
        })
        {
            info.ArgumentList.Add(argument);
        }
        using Process gdb = Process.Start(info) ?? throw new System.InvalidOperationException("gdb-multiarch did not start (Debian package gdb-multiarch)");
        Task<string> stdout = gdb.StandardOutput.ReadToEndAsync();
        Task<string> stderr = gdb.StandardError.ReadToEndAsync();
        await gdb.WaitForExitAsync();
        return await stdout + await stderr;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
