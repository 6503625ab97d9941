// Kernel twin of kernel.Metrics/CurrentShard.cs (the host twin is in its host/
// folder): the shard of a sharded metric is the current CPU. Only the boot CPU
// runs today, so that is always shard 0; SMP bring-up makes this the CPU index.
namespace KernelStress.Metrics
{
    internal static partial class CurrentShard
    {
        internal static partial int Index() => 0;
    }
}
