using System.Collections.Generic;
using System.CommandLine;
using KernelStress.Tool.Building;

namespace KernelStress.Tool.Debugging;

/// <summary>
/// QEMU's gdbstub for one boot: <c>-gdb tcp::PORT</c>, and with <see cref="StoppedAtStart"/> also
/// <c>-S</c> (the CPUs wait at the first instruction until the debugger continues), and the
/// <c>gdb-multiarch</c> command line that attaches to it with the image's symbols (docs/debugging.md).
/// </summary>
public sealed record GdbStub(int Port, bool StoppedAtStart)
{
    public const int DefaultPort = 1234;

    public IReadOnlyList<string> QemuArguments => StoppedAtStart ? new[] { "-gdb", $"tcp::{Port}", "-S" } : new[] { "-gdb", $"tcp::{Port}" };

    /// <summary>The ELF with the symbols of <paramref name="target"/>'s image (the one QEMU boots is built from it).</summary>
    public static string Elf(KernelTarget target) => RepoRoot.Resolve($"{target.Directory}/kernel.elf");

    public string GdbCommandLine(KernelTarget target) => $"gdb-multiarch -q {Elf(target)} -ex 'target remote localhost:{Port}'";

    /// <summary>An option <c>NAME [PORT]</c>: present without a value means <see cref="DefaultPort"/>.</summary>
    public static Option<int?> Option(string name, string description)
    {
        var option = new Option<int?>(name)
        {
            Description = description,
            HelpName = "PORT",
            Arity = ArgumentArity.ZeroOrOne,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int port && (port < 1 || port > 65535))
            {
                result.AddError($"{name} {port} is not a TCP port: give one in 1..65535, or none for {DefaultPort}");
            }
        });
        return option;
    }

    /// <summary>The stub the option asks for; null when it was not given.</summary>
    public static GdbStub? From(ParseResult parse, Option<int?> option, bool stoppedAtStart) =>
        parse.GetResult(option) is null ? null : new GdbStub(parse.GetValue(option) ?? DefaultPort, stoppedAtStart);
}
