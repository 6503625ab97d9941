using System;
using System.CommandLine;
using System.Threading.Tasks;
using KernelStress.Tool.Cli;
using KernelStress.Tool.Commands;

namespace KernelStress.Tool;

/// <summary>The kstress verbs. Each lives in its own file under Commands/.</summary>
public static class Program
{
    public static RootCommand Root { get; } = new("kstress: build, boot and drive the KernelStress kernel under QEMU, and read its UART records.")
    {
        BuildCommand.Create(),
        BootCommand.Create(),
        RunCommand.Create(),
        ParseCommand.Create(),
        ValidateCommand.Create(),
        ReportCommand.Create(),
        FlashCommand.Create(),
        SerialCommand.Create(),
        HistoryCommand.Create(),
        CompareCommand.Create(),
        LavaCommand.Create(),
    };

    public static Task<int> Main(string[] args) =>
        CommandLineHost.InvokeAsync(Root, args, Console.Out, Console.Error, handleSignals: true);
}
