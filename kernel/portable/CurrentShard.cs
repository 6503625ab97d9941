// Kernel twin of kernel.Metrics/CurrentShard.cs (the host twin is in its host/
// folder): the shard of a sharded metric is the current CPU's index.
namespace KernelStress.Metrics
{
    internal static partial class CurrentShard
    {
        internal static partial int Index() => KernelStress.Kernel.Arch.Processors.CurrentIndex();
    }
}
