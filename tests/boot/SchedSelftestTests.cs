using System.Threading.Tasks;
using KernelStress.Tool.Sessions;
using Xunit;

namespace KernelStress.Boot.Tests;

/// <summary>
/// <c>selftest sched</c> runs the scheduler's tests inside the kernel (spawn/join, atomic counting,
/// yield, sleep accuracy, preemption of a CPU hog, a mutex under preemption, kill, join freeing the
/// stack and slot, exact counting by a thread pinned to each CPU, unpinned threads spreading over
/// the CPUs): every case prints <c>ok</c> in order and the suite's record passes.
/// </summary>
[Collection(BootCollection.Name)]
public sealed class SchedSelftestTests
{
    /// <summary>The suite's cases in order (kernel/selftest/SchedSelfTest.cs).</summary>
    public static readonly string[] CaseNames =
    {
        "spawn_join_runs_entry_once", "interlocked_counter_exact_total", "yield_interleaves_two_threads",
        "sleep_wakes_after_requested_time", "hog_does_not_starve_equal_priority", "higher_priority_preempts_hog",
        "mutex_exclusion_under_preemption", "kill_sleeping_thread", "join_frees_stack_and_slot",
        "pinned_counters_exact_on_every_cpu", "unpinned_threads_reach_every_cpu",
    };

    private readonly BootedKernel _kernel;

    public SchedSelftestTests(BootedKernel kernel)
    {
        _kernel = kernel;
    }

    [Fact]
    public async Task EveryCasePasses()
    {
        SessionResult session = await _kernel.RunAsync("selftest sched");
        KtapSuite.AssertPassed(session, "sched", CaseNames);
    }
}
