using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using KernelStress.Metrics;
using KernelStress.Prng;
using KernelStress.Shell;
using KernelStress.Tool.Reports;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>selftest</c> runs the portable libraries' self-test tables inside the kernel (the code the
/// host's xunit suites also run) and the kernel's own allocator tests, and prints KTAP. Run twice in one boot: every case passes both
/// times, each suite reports as many cases as the host table has, and the repeat run allocates
/// no managed object (the first may allocate its scratch once).
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SelftestInKernelTests
{
    private static readonly Dictionary<string, int> HostCaseCounts = new()
    {
        ["prng"] = PrngSelfTest.Count,
        ["metrics"] = MetricsSelfTest.Count,
        ["shell"] = ShellSelfTest.Count,
        // Kernel-only (kernel/selftest/HeapSelfTest.cs): no host table to compare with.
        ["heap"] = HeapSelftestTests.CaseNames.Length,
        ["sched"] = SchedSelftestTests.CaseNames.Length,
    };

    private readonly BootedKernel _kernel;

    public SelftestInKernelTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EverySuitePassesTwiceAndTheRepeatAllocatesNothing()
    {
        SessionResult session = await _kernel.RunAsync("selftest", "selftest");
        List<JsonElement> records = session.Report.Records.Where(r => r.GetProperty("type").GetString() == "selftest").ToList();

        Assert.Equal(2 * HostCaseCounts.Count, records.Count);
        foreach (JsonElement record in records)
        {
            string suite = record.GetProperty("suite").GetString()!;
            Assert.True(record.GetProperty("verdict").GetString() == "PASS", $"suite {suite} failed: {record}");
            Assert.Equal(HostCaseCounts[suite], record.GetProperty("tests").GetInt32());
            Assert.Equal(0, record.GetProperty("failed").GetInt32());
        }
        foreach (JsonElement repeat in records.Skip(HostCaseCounts.Count))
        {
            Assert.False(repeat.GetProperty("first_run").GetBoolean());
            Assert.Equal(0, repeat.GetProperty("managed_allocations").GetInt64());
        }
        Assert.Equal(Verdict.Pass, session.Report.Verdict);
    }

    [Fact]
    public async Task TheOutputIsKtapWithAPlanPerSuiteAndNoFailures()
    {
        SessionResult session = await _kernel.RunAsync("selftest prng");
        List<string> lines = BootedKernel.Lines(session).Select(l => l.Text).ToList();
        int start = lines.IndexOf("KTAP version 1");
        Assert.True(start >= 0, "no 'KTAP version 1' header");
        Assert.Equal("1..1", lines[start + 1]);
        Assert.Equal("    KTAP version 1", lines[start + 2]);
        Assert.Equal("    # Subtest: prng", lines[start + 3]);
        Assert.Equal($"    1..{PrngSelfTest.Count}", lines[start + 4]);
        for (int i = 0; i < PrngSelfTest.Count; i++)
        {
            string expected = $"    ok {i + 1} {System.Text.Encoding.ASCII.GetString(PrngSelfTest.Name(i))}";
            Assert.Equal(expected, lines[start + 5 + i]);
        }
        Assert.Equal("ok 1 prng", lines[start + 5 + PrngSelfTest.Count]);
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^\s*not ok"));
    }
}
