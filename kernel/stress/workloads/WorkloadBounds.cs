// The header's bound for the kinds that run to a count instead of a deadline
// (leak: cycles, recovery: kills, mix: operations, storm: failures): "[STRESSTEST] Leak: cycles=50 ...".
using KernelStress.Kernel.Stress.Workloads.Leak;
using KernelStress.Kernel.Stress.Workloads.Mix;
using KernelStress.Kernel.Stress.Workloads.Service;
using KernelStress.Kernel.Stress.Workloads.Storm;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Workloads
{
    internal static class WorkloadBounds
    {
        // Writes ": cycles=N" (or kills, ops) and returns true for such a kind; false for a kind with a duration.
        public static bool Write(StressKind kind, TextSink output)
        {
            switch (kind)
            {
                case StressKind.Leak:
                    output.Write(": cycles="u8);
                    output.WriteDecimal(LeakWorkload.Cycles);
                    return true;
                case StressKind.Recovery:
                    output.Write(": kills="u8);
                    output.WriteDecimal(RecoveryWorkload.Kills);
                    return true;
                case StressKind.Storm:
                    output.Write(": failures="u8);
                    output.WriteDecimal(StormWorkload.Failures);
                    return true;
                case StressKind.Mix:
                    output.Write(": ops="u8);
                    output.WriteDecimal(MixWorkload.OpsWanted);
                    return true;
                default:
                    return false;
            }
        }
    }
}
