using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool;
using KernelStress.Tool.Building;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Machines;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>kstress serial</c> drives a board over a real serial port with the same session, parser and
/// verdict as <c>run</c>. The board here is QEMU's virt with its PL011 on a pseudo-terminal
/// (<c>-serial pty</c>): QEMU starts paused (<c>-S</c>), the verb opens the pty, and only then is the
/// machine continued from QEMU's monitor, as a person powers on a board after starting the verb.
/// <c>-no-shutdown</c> keeps QEMU (and so the pty) alive after PSCI SYSTEM_OFF, as a halted board
/// keeps its cable: a pty whose QEMU exits hangs up and can drop the last bytes.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SerialOverPtyTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    [ArmFact]
    public async Task SerialRunsASessionOverAPseudoTerminal()
    {
        using var cancel = new CancellationTokenSource(s_limit);
        MachineProfile virt = ProfileCatalog.Load().ForBoard("arm64", "virt");
        string image = await KernelBuild.EnsureImageAsync(virt, allowBuild: true, TextWriter.Null, cancel.Token);
        var info = new ProcessStartInfo(virt.Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-M", "virt", "-cpu", "cortex-a72", "-accel", "tcg", "-m", "128M", "-kernel", image,
            "-display", "none", "-nic", "none", "-serial", "pty", "-monitor", "stdio", "-no-reboot", "-no-shutdown", "-S" })
        {
            info.ArgumentList.Add(argument);
        }
        using Process qemu = Process.Start(info)!;
        try
        {
            // The monitor says where the pty is: "char device redirected to /dev/pts/N (label serial0)".
            string pty = await ReadPtyPathAsync(qemu.StandardOutput, cancel.Token);
            string dir = Directory.CreateTempSubdirectory("kstress-serial").FullName;
            string json = Path.Combine(dir, "serial.json"), kcidb = Path.Combine(dir, "serial.kcidb.json");
            var stdOut = new StringWriter();
            var stdErr = new StringWriter();
            int openedBefore = OpenDescriptors(pty);
            Task<int> serial = CommandLineHost.InvokeAsync(Program.Root,
                new[] { "serial", "--port", pty, "-q", "--boot-timeout", "30", "-c", "version", "-c", "prng --seed 7 --count 3", "--json", json, "--kcidb", kcidb },
                stdOut, stdErr, handleSignals: false);

            await WaitUntilOpenedAsync(pty, openedBefore, serial, cancel.Token);
            await qemu.StandardInput.WriteLineAsync("cont");
            await qemu.StandardInput.FlushAsync();
            int code = await serial.WaitAsync(cancel.Token);

            Assert.True(code == (int)ExitCode.Pass, stdErr.ToString());
            Assert.Contains("kstress: PASS: 2 command(s)", stdErr.ToString());
            using JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(json));
            JsonElement root = report.RootElement;
            Assert.Equal("PASS", root.GetProperty("verdict").GetString());
            string[] types = root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("type").GetString()!).ToArray();
            Assert.Equal(new[] { "boot", "result", "bye" }, types);
            Assert.Equal(7, root.GetProperty("results")[0].GetProperty("seed").GetInt64());
            using JsonDocument submission = JsonDocument.Parse(File.ReadAllBytes(kcidb));
            Assert.Equal(new[] { "kernelstress.version PASS", "kernelstress.prng PASS" }, submission.RootElement.GetProperty("tests").EnumerateArray()
                .Select(t => $"{t.GetProperty("path").GetString()} {t.GetProperty("status").GetString()}"));
            Assert.Equal($"a board on serial port {pty}", submission.RootElement.GetProperty("tests")[0].GetProperty("environment").GetProperty("comment").GetString());
            Directory.Delete(dir, recursive: true);
        }
        finally
        {
            qemu.Kill(entireProcessTree: true);
            await qemu.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task<string> ReadPtyPathAsync(StreamReader monitor, CancellationToken cancel)
    {
        while (await monitor.ReadLineAsync(cancel) is { } line)
        {
            Match match = Regex.Match(line, @"char device redirected to (/dev/pts/\d+)");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("QEMU's monitor ended without naming the pty");
    }

    // The verb runs in this process, so its open port shows among this process's descriptors
    // (counted against those before it started: this process may hold the same path already).
    private static async Task WaitUntilOpenedAsync(string pty, int openedBefore, Task<int> serial, CancellationToken cancel)
    {
        while (OpenDescriptors(pty) <= openedBefore)
        {
            Assert.False(serial.IsCompleted, "kstress serial ended before it opened the port");
            await Task.Delay(50, cancel);
        }
    }

    private static int OpenDescriptors(string path) =>
        Directory.EnumerateFiles("/proc/self/fd").Count(fd => new FileInfo(fd).LinkTarget == path);
}
