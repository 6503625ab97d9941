using System;
using System.IO;
using Spectre.Console;

namespace KernelStress.Tool.Cli;

/// <summary>
/// The Spectre console for a verb's output writer. Live displays (progress bars, colour) only on
/// a real terminal: stdout is the process's console, not redirected, and CI is not set (CI
/// systems set CI=true). Everywhere else plain text at a fixed width, so logs stay readable.
/// </summary>
public static class Consoles
{
    private const int PlainWidth = 140;

    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !InCi;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    public static IAnsiConsole For(TextWriter output)
    {
        bool interactive = IsInteractive(output);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }
        return console;
    }
}
