// What the learner is paid for one step of the memory workload, from what
// the step measurably did: work (bytes allocated, one unit per 32 KiB, about
// 16 blocks of 2 KiB), minus 200 per OOM event, minus two units per 32 KiB
// given up: released by the controller, handed back by allocators it
// throttled, or thrown away by an OOM's recovery. Giving up bytes costs twice
// what allocating them again earns, so a release followed by re-allocation
// (churn) always loses, and so does an OOM, however much it lets the workload
// re-allocate afterwards; only an OOM avoided can pay for a release.
namespace KernelStress.Metrics;

public static class AutonomyReward
{
    public const double BytesPerUnit = 32768;
    public const double OomPenalty = 200;
    public const double ReleaseCostPerUnit = 2;

    public static double Of(long allocatedBytes, long oomEvents, long givenUpBytes) =>
        allocatedBytes / BytesPerUnit - OomPenalty * oomEvents - ReleaseCostPerUnit * givenUpBytes / BytesPerUnit;
}
