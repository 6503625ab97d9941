using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>selftest heap</c> runs the page allocator and kernel heap tests inside the kernel: every case
/// prints <c>ok</c> in order, the suite and its record pass, and the cases that free twice, free a
/// foreign pointer or overwrite a header make the allocators print their <c>memory: ... rejected</c>
/// lines, each naming the address.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class HeapSelftestTests
{
    /// <summary>The suite's cases in order (kernel/selftest/HeapSelfTest.cs).</summary>
    public static readonly string[] CaseNames =
    {
        "pages_single_and_runs", "pages_double_free_detected", "pages_foreign_free_detected",
        "heap_round_trip_1b_to_64k", "heap_alignment", "heap_coalescing", "heap_exhaustion_then_recovery",
        "heap_double_free_detected", "heap_foreign_pointer_detected", "heap_overwritten_header_detected",
        "heap_damaged_free_list_detected",
    };

    private readonly BootedKernel _kernel;

    public HeapSelftestTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryCasePassesAndEachRejectedFreeIsReportedWithItsAddress()
    {
        SessionResult session = await _kernel.RunAsync("selftest heap");
        List<string> lines = KtapSuite.AssertPassed(session, "heap", CaseNames);

        const string Address = "0x[0-9a-f]{16}";
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: page free of {Address} rejected: double free$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: page free of {Address} rejected: foreign address"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: heap free of {Address} rejected: double free$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: heap free of {Address} rejected: foreign address"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: heap free of {Address} rejected: block header overwritten"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $"^memory: heap free block at {Address} is damaged \\(canary or list link mismatch\\); left alone$"));
    }
}
