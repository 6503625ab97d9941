// Which shard of a sharded metric the caller writes to.
//
// Declared here, implemented once per environment (docs/portable-code.md):
// host/CurrentShard.Host.cs for ordinary .NET, a kernel/ twin for the kernel.
//
// Contract for implementations:
// - return a non-negative int; callers reduce it modulo their shard count;
// - callers running at the same time on different CPUs should usually get
//   different values (the kernel returns the current CPU's index);
// - exclusivity is NOT required: the caller may be preempted or migrate right
//   after the call, two callers may get the same value, and the metrics stay
//   exact (LatencyHistogram guards each shard with a try-lock);
// - cheap (a few ns), no allocation, callable with preemption enabled and
//   from interrupt context.
namespace KernelStress.Metrics;

internal static partial class CurrentShard
{
    internal static partial int Index();
}
