using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// Steady-state kernel code allocates no managed object (the managed heap never frees): 100 commands
/// in one session — the first and the last a <c>mem</c>, between them a mix of every kind of command,
/// including the heap self-tests — leave the <c>mem</c> record's managed_allocations and managed_bytes
/// unchanged, and the kernel heap and free pages where they were. Each command kind runs once before
/// the first <c>mem</c>: a first use may build its lazily initialised statics, as at start-up.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class CommandsDoNotAllocateTests
{
    private const int Commands = 100;

    private static readonly string[] Mix =
    {
        "help", "help mem", "version", "echo one two three", "uptime", "prng --seed 42 --count 5", "metrics",
        "selftest heap", "selftest shell", "mem", "metrics reset",
    };

    private readonly BootedKernel _kernel;

    public CommandsDoNotAllocateTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task OneHundredCommandsLeaveTheManagedAllocationCountUnchanged()
    {
        var commands = new List<string>(Mix) { "mem" };
        for (int i = 0; i < Commands - 2; i++)
        {
            commands.Add(Mix[i % Mix.Length]);
        }
        commands.Add("mem");

        SessionResult session = await _kernel.RunAsync(commands.ToArray());
        JsonElement[] mems = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "mem").ToArray();
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        JsonElement first = mems[Mix.Count(c => c == "mem")];
        JsonElement last = mems[^1];
        Assert.Equal(Commands, session.Report.Commands.Count - Mix.Length);
        foreach (string field in new[] { "managed_allocations", "managed_bytes", "heap_in_use_bytes", "heap_held_bytes", "pages_free" })
        {
            Assert.True(first.GetProperty(field).GetInt64() == last.GetProperty(field).GetInt64(),
                $"{field} went from {first.GetProperty(field)} to {last.GetProperty(field)} over {Commands} commands");
        }
    }
}
