// `stresstest chaos --sabotage KIND,...` (test-only): for the run, switches off
// the kernel mechanism that recovers from KIND's fault, never its check, so the
// run must end with KIND's recoveries failed and a verdict other than PASS.
// The accepted kinds are the catalog's (ShellCommands.StressSabotage), each with
// its switch below; every switch is back on when the run ends.
using System;
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Chaos
{
    internal static class ChaosSabotage
    {
        // The kinds given, one bit per ChaosEvent.
        public static uint FromCommand(ParsedCommand command)
        {
            uint kinds = 0;
            string[] names = ShellCommands.StressSabotage.Choices;
            ReadOnlySpan<ulong> given = command.GetList(ShellCommands.StressSabotage);
            for (int g = 0; g < given.Length; g++)
            {
                string name = names[(int)given[g]];
                for (int e = 0; e < ChaosEvents.Count; e++)
                {
                    if (AsciiText.Equals(name, ChaosEvents.Name((ChaosEvent)e)))
                        kinds |= 1u << e;
                }
            }
            return kinds;
        }

        public static bool Has(ChaosEvent e) => (StressRun.Options.Sabotage & (1u << (int)e)) != 0;

        public static void Apply() => Set(false);

        public static void Lift() => Set(true);

        private static void Set(bool working)
        {
            KernelHeap.DoubleFreeChecks = working || !Has(ChaosEvent.MemoryRelease);
            AutonomyController.RestartsEnabled = working || !Has(ChaosEvent.AutonomyFlip);
            QLearner.RewardGuard = working || !Has(ChaosEvent.HotRetrain);
            PressurePredictor.SampleGuard = working || !Has(ChaosEvent.PredictionStorm);
            ChaosActions.VictimRestarts = working || !Has(ChaosEvent.ThreadRestart);
            KernelHeap.RepairsEnabled = working || !Has(ChaosEvent.HeapCorruption);
            ChaosActions.LinkRetries = working || !Has(ChaosEvent.NetworkPartition);
            ChaosActions.DiskRetries = working || !Has(ChaosEvent.DiskStall);
            if (working && Has(ChaosEvent.HotRetrain))
                QLearner.Reset();
        }
    }
}
