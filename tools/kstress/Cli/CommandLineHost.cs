using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace KernelStress.Tool.Cli;

/// <summary>
/// Parses and invokes a verb with the tool's error conventions: a bad command line prints
/// <c>kstress: error: ...</c> plus where to find usage and exits 64; an anticipated failure
/// (<see cref="KstressException"/>) prints its one-line message and exits with its code; anything
/// else is a bug in the tool and is printed in full (exit 2).
/// </summary>
public static class CommandLineHost
{
    /// <param name="handleSignals">True in the real process: Ctrl-C/SIGTERM cancel the verb, which stops QEMU and exits 130.</param>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter stdOut, TextWriter stdErr, bool handleSignals, CancellationToken cancellationToken = default)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (ParseError error in parse.Errors)
            {
                stdErr.WriteLine($"kstress: error: {OneLine(error.Message)}");
            }
            string verb = parse.CommandResult.Command == root ? "kstress" : $"kstress {parse.CommandResult.Command.Name}";
            stdErr.WriteLine($"Run '{verb} --help' for usage.");
            return (int)ExitCode.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdOut,
            Error = stdErr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(5) : null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (KstressException e)
        {
            Report(e, stdErr);
            return (int)e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            stdErr.WriteLine("kstress: interrupted");
            return (int)ExitCode.Interrupted;
        }
        catch (Exception e)
        {
            stdErr.WriteLine("kstress: internal error (a bug in kstress; please report it with this trace):");
            stdErr.WriteLine(e);
            return (int)ExitCode.Infrastructure;
        }
    }

    /// <summary>System.CommandLine lists allowed values on separate lines; an error is one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(new[] { '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));

    public static void Report(KstressException e, TextWriter stdErr)
    {
        if (e.Details is { Length: > 0 } details)
        {
            stdErr.WriteLine(details.TrimEnd());
        }
        stdErr.WriteLine($"kstress: error: {e.Message}");
    }
}
