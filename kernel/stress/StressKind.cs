// The kinds of stress test and the one table of their descriptors
// (kinds/<kind>/*Kind.cs). A new kind is a folder under kinds/, a member here,
// its line in Register, and its command in the portable catalog (ShellCommands).
using System;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Kernel.Stress.Kinds.Chaos;
using KernelStress.Kernel.Stress.Kinds.Commands;
using KernelStress.Kernel.Stress.Kinds.Concurrency;
using KernelStress.Kernel.Stress.Kinds.Leak;
using KernelStress.Kernel.Stress.Kinds.Learning;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Kernel.Stress.Kinds.Mix;
using KernelStress.Kernel.Stress.Kinds.Multi;
using KernelStress.Kernel.Stress.Kinds.Ramp;
using KernelStress.Kernel.Stress.Kinds.Recovery;
using KernelStress.Kernel.Stress.Kinds.Redteam;
using KernelStress.Kernel.Stress.Kinds.Scale;
using KernelStress.Kernel.Stress.Kinds.Storm;

namespace KernelStress.Kernel.Stress
{
    internal enum StressKind
    {
        Memory,
        Commands,
        Multi,
        Learning,
        Redteam,
        Chaos,
        Ramp,
        Leak,
        Scale,
        Concurrency,
        Recovery,
        Mix,
        Storm,
        Count,
    }

    internal static unsafe class StressKinds
    {
        private static readonly StressKindDescriptor[] s_kinds = Register();

        private static StressKindDescriptor[] Register()
        {
            var kinds = new StressKindDescriptor[(int)StressKind.Count];
            kinds[(int)StressKind.Memory] = MemoryKind.Descriptor;
            kinds[(int)StressKind.Commands] = CommandsKind.Descriptor;
            kinds[(int)StressKind.Multi] = MultiKind.Descriptor;
            kinds[(int)StressKind.Learning] = LearningKind.Descriptor;
            kinds[(int)StressKind.Redteam] = RedteamKind.Descriptor;
            kinds[(int)StressKind.Chaos] = ChaosKind.Descriptor;
            kinds[(int)StressKind.Ramp] = RampKind.Descriptor;
            kinds[(int)StressKind.Leak] = LeakKind.Descriptor;
            kinds[(int)StressKind.Scale] = ScaleKind.Descriptor;
            kinds[(int)StressKind.Concurrency] = ConcurrencyKind.Descriptor;
            kinds[(int)StressKind.Recovery] = RecoveryKind.Descriptor;
            kinds[(int)StressKind.Mix] = MixKind.Descriptor;
            kinds[(int)StressKind.Storm] = StormKind.Descriptor;
            // A member without its line would dispatch to a null function pointer.
            for (int i = 0; i < kinds.Length; i++)
            {
                if (kinds[i].Name.IsEmpty || kinds[i].Configure == null || kinds[i].Start == null || kinds[i].Judge == null || kinds[i].Print == null)
                    Panic.Halt("stress"u8, "a StressKind member has no descriptor in StressKinds.Register"u8);
                if (NameTable.CountOf(kinds[i].CounterNames.Span) > StressRun.MaxKindCounters)
                    Panic.Halt("stress"u8, "a kind names more counters than StressRun.MaxKindCounters"u8);
            }
            return kinds;
        }

        public static ref readonly StressKindDescriptor Of(StressKind kind) => ref s_kinds[(int)kind];

        public static ReadOnlySpan<byte> Name(StressKind kind) => s_kinds[(int)kind].Name.Span;

        // The kind a parsed `stresstest NAME` or `stresstest compare NAME` names; false for any other command.
        public static bool TryFind(int commandId, out StressKind kind, out bool compare)
        {
            for (int i = 0; i < s_kinds.Length; i++)
            {
                compare = (int)s_kinds[i].CompareCommand == commandId;
                if ((int)s_kinds[i].Command == commandId || compare)
                {
                    kind = (StressKind)i;
                    return true;
                }
            }
            kind = default;
            compare = false;
            return false;
        }
    }
}
