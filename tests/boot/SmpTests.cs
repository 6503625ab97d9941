using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// With QEMU's <c>-smp 4</c> the kernel finds four CPUs in the ACPI MADT, starts the three
/// application processors (INIT-SIPI-SIPI) and runs threads on all of them: the boot record says 4,
/// <c>cpus</c> lists four online CPUs that all take timer ticks, the scheduler's self-test passes there
/// (one pinned thread per CPU adding atomically to one counter gives the exact total, and unpinned
/// threads reach every CPU).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SmpTests
{
    private const int Cpus = 4;

    private readonly BootedKernel _kernel;

    public SmpTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryCpuComesUpAndRunsThreads()
    {
        SessionResult session = await _kernel.RunWithCpusAsync(Cpus, "selftest sched", "sleep 200", "cpus", "ps");

        JsonElement boot = Record(session, "boot");
        Assert.Equal(Cpus, boot.GetProperty("cpus").GetInt32());

        KtapSuite.AssertPassed(session, "sched", SchedSelftestTests.CaseNames);

        JsonElement cpus = Record(session, "cpus");
        Assert.Equal(Cpus, cpus.GetProperty("described").GetInt32());
        Assert.Equal(Cpus, cpus.GetProperty("online").GetInt32());
        List<JsonElement> rows = cpus.GetProperty("cpus").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, Cpus), rows.Select(r => r.GetProperty("cpu").GetInt32()));
        Assert.All(rows, r => Assert.True(r.GetProperty("online").GetBoolean()));
        // Every CPU's own timer ticks (1 kHz): at least the 200 ms slept.
        Assert.All(rows, r => Assert.True(r.GetProperty("ticks").GetInt64() >= 200, $"CPU {r.GetProperty("cpu")} took {r.GetProperty("ticks")} ticks"));
        Assert.Equal(Cpus, rows.Select(r => r.GetProperty("hardware_id").GetInt64()).Distinct().Count());

        JsonElement[] threads = Record(session, "ps").GetProperty("threads").EnumerateArray().ToArray();
        int[] idleCpus = threads.Where(t => t.GetProperty("priority").GetString() == "idle")
            .Select(t => t.GetProperty("cpu").GetInt32()).OrderBy(c => c).ToArray();
        Assert.Equal(Enumerable.Range(0, Cpus), idleCpus);
    }

    [Fact]
    public async Task OneCpuOnlyWhenQemuGivesOne()
    {
        SessionResult session = await _kernel.RunWithCpusAsync(1, "cpus");
        Assert.Equal(1, Record(session, "boot").GetProperty("cpus").GetInt32());
        Assert.Equal(1, Record(session, "cpus").GetProperty("online").GetInt32());
    }

    private static JsonElement Record(SessionResult session, string type) =>
        session.Report.Records.Single(r => r.GetProperty("type").GetString() == type);
}
