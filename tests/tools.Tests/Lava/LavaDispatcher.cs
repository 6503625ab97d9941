using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;

namespace KernelStress.Tool.Tests.Lava;

/// <summary>
/// LAVA's own tools, from Debian's lava-dispatcher and lava-common (installed by .ci/run): the job
/// schema check (lava_common.schemas.validate, in Debian's system Python) and lava-run, which
/// runs a job locally against a device dictionary, as a LAVA worker does.
/// </summary>
internal static class LavaDispatcher
{
    /// <summary>Debian's Python, where lava_common lives (not a separate Python environment's).</summary>
    public const string SystemPython = "/usr/bin/python3";

    private const string ValidateScript =
        "import sys, yaml\n"
        + "from lava_common.schemas import validate\n"
        + "try:\n"
        + "    validate(yaml.safe_load(open(sys.argv[1])), strict=True)\n"
        + "except Exception as e:\n"
        + "    print(type(e).__name__ + ': ' + str(e)); sys.exit(1)\n"
        + "print('valid')\n";

    /// <summary>Checks a job definition against LAVA's schema: exit 0 and "valid", or 1 and LAVA's complaint.</summary>
    public static Task<(int Code, string Output)> ValidateAsync(string jobFile) =>
        RunAsync(SystemPython, new[] { "-c", ValidateScript, jobFile }, TimeSpan.FromSeconds(60), "lava-common");

    /// <summary>Runs a job with lava-run; the log (one JSON object per line) is what it writes on stdout and stderr.</summary>
    public static Task<(int Code, string Output)> RunJobAsync(string jobFile, string deviceFile, string outputDirectory) =>
        RunAsync("lava-run", new[] { "--job-id", "1", "--output-dir", outputDirectory, "--device", deviceFile, jobFile }, TimeSpan.FromMinutes(3), "lava-dispatcher");

    /// <summary>
    /// The test cases of a definition in a lava-run log, in order: (case, pass|fail). Its lines are
    /// YAML flow mappings that are JSON but for YAML's non-specific tag (<c>"size": ! "403008"</c>), dropped here.
    /// </summary>
    public static List<(string Case, string Result)> Results(string log, string definition) =>
        log.Split('\n')
            .Where(line => line.Contains("\"lvl\": \"results\"", StringComparison.Ordinal) && line.Contains($"\"definition\": \"{definition}\"", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line.Replace(": ! \"", ": \"", StringComparison.Ordinal)).RootElement.GetProperty("msg"))
            .Select(msg => (msg.GetProperty("case").GetString()!, msg.GetProperty("result").GetString()!))
            .ToList();

    /// <summary>The job's own result line (definition lava, case job).</summary>
    public static string JobResult(string log) => Results(log, "lava").LastOrDefault(r => r.Case == "job").Result ?? "(no job result)";

    public static async Task<(int Code, string StdOut, string StdErr)> Kstress(params string[] args)
    {
        var stdOut = new StringWriter();
        var stdErr = new StringWriter();
        int code = await CommandLineHost.InvokeAsync(Program.Root, args, stdOut, stdErr, handleSignals: false);
        return (code, stdOut.ToString(), stdErr.ToString());
    }

    private static async Task<(int Code, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string package)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {fileName} ({e.Message}): install the Debian package {package} with --no-install-recommends (.ci/run does)", e);
        }
        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeout.TotalSeconds:0} s");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
