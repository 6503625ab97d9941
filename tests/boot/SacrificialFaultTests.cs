using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>fault KIND</c> raises each CPU exception in a sacrificial thread: the handler reports it with a
/// <c>fault</c> record naming the thread, kills that thread only, and the kernel goes on — the shell
/// answers, the thread's stack pages come back, and the session powers off cleanly. <c>fault stack</c>
/// overflows the thread's stack into its guard page: the page fault runs on its own stack and the
/// record says it was a stack overflow (and only that one does).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SacrificialFaultTests
{
    private static readonly (string Kind, int Vector)[] Faults = { ("de", 0), ("ud", 6), ("pf", 14), ("gp", 13), ("stack", 14) };

    private readonly BootedKernel _kernel;

    public SacrificialFaultTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EachFaultKillsOnlyItsThreadAndTheKernelGoesOn()
    {
        string[] commands = new[] { "mem" }.Concat(Faults.Select(f => $"fault {f.Kind}")).Concat(new[] { "mem", "version" }).ToArray();
        SessionResult session = await _kernel.RunAsync(commands);

        Assert.Equal(Verdict.Pass, session.Report.Verdict);
        Assert.Equal(33, session.Report.QemuExitCode);
        JsonElement[] faults = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "fault").ToArray();
        Assert.Equal(Faults.Select(f => f.Vector), faults.Select(r => r.GetProperty("vector").GetInt32()));
        Assert.All(faults, r => Assert.True(r.GetProperty("thread_id").GetInt32() > 1, "the fault was not in a spawned thread"));
        Assert.DoesNotContain(session.Report.Records, r => r.GetProperty("type").GetString() == "panic");
        Assert.Equal(Faults.Select(f => f.Kind == "stack"), faults.Select(r => r.GetProperty("stack_overflow").GetBoolean()));

        var lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();
        foreach ((string kind, _) in Faults)
        {
            Assert.Contains(lines, l => l.StartsWith($"fault: {kind} killed sacrificial thread ") && l.EndsWith("; the kernel goes on"));
        }

        JsonElement[] mem = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "mem").ToArray();
        Assert.Equal(2, mem.Length);
        Assert.Equal(FreePages(mem[0]), FreePages(mem[1]));
    }

    private static long FreePages(JsonElement mem) => mem.GetProperty("pages_free").GetInt64();
}
