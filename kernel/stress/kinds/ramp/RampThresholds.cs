// The per-level warning and fail thresholds of `stresstest ramp`, from seed
// 002 ("Pass/Fail Criteria", "Early Warning Signals vs Fail Signals"):
//  achieved rate: warn under 95 % of the target, fail under 90 % (its table:
//    4.8-5.0 of 5/s ... 45-50 of 50/s);
//  p99 latency: warn over 50 ms (its first level, also the stress-smoke plan's bar), fail
//    over 500 ms ("Processing latency > 500ms");
//  error rate (corrupt, lost or duplicated items per item): warn over 0.1 %,
//    fail over 1 %;
//  CPU busy: warn over 80 %, fail over 90 %;
//  memory (pages in use of all pages): warn over 85 %, fail over 95 %.
// A level that fails no threshold is sustained.
using System;
using KernelStress.Kernel.Runtime;
using KernelStress.Kernel.Stress.Phases;

namespace KernelStress.Kernel.Stress.Kinds.Ramp
{
    internal enum RampLevelStatus
    {
        Ok,
        Warn,
        Fail,
        Count,
    }

    internal static class RampThresholds
    {
        public const long RateWarnPct = 95;
        public const long RateFailPct = 90;
        public const ulong P99WarnNs = 50_000_000;
        public const ulong P99FailNs = 500_000_000;
        // Parts per million of items.
        public const long ErrorWarnPpm = 1_000;
        public const long ErrorFailPpm = 10_000;
        public const long CpuWarnPct = 80;
        public const long CpuFailPct = 90;
        public const long MemWarnPct = 85;
        public const long MemFailPct = 95;

        // The worst status of the level's metrics; `breach` names the first metric at that status.
        public static RampLevelStatus Judge(int phase, ulong p99Ns, out ReadOnlySpan<byte> breach)
        {
            long target = StressPhases.Get(phase, PhaseCounter.TargetRate);
            long achievedPct = target == 0 ? 100 : StressPhases.Get(phase, PhaseCounter.AchievedRate) * 100 / target;
            long items = StressPhases.Get(phase, PhaseCounter.Ops) + StressPhases.Get(phase, PhaseCounter.Lost);
            long errorPpm = items == 0 ? 0 : StressPhases.Get(phase, PhaseCounter.Failed) * 1_000_000 / items;
            long cpu = StressPhases.Get(phase, PhaseCounter.CpuBusyPct);
            long mem = StressPhases.Get(phase, PhaseCounter.MemPct);

            breach = default;
            RampLevelStatus status = RampLevelStatus.Ok;
            Worse(ref status, ref breach, errorPpm > ErrorFailPpm, errorPpm > ErrorWarnPpm, "error rate"u8);
            Worse(ref status, ref breach, achievedPct < RateFailPct, achievedPct < RateWarnPct, "achieved rate"u8);
            Worse(ref status, ref breach, p99Ns > P99FailNs, p99Ns > P99WarnNs, "p99 latency"u8);
            Worse(ref status, ref breach, cpu > CpuFailPct, cpu > CpuWarnPct, "cpu busy"u8);
            Worse(ref status, ref breach, mem > MemFailPct, mem > MemWarnPct, "memory"u8);
            return status;
        }

        private static void Worse(ref RampLevelStatus status, ref ReadOnlySpan<byte> breach, bool fail, bool warn, ReadOnlySpan<byte> metric)
        {
            RampLevelStatus seen = fail ? RampLevelStatus.Fail : warn ? RampLevelStatus.Warn : RampLevelStatus.Ok;
            if (seen > status)
            {
                status = seen;
                breach = metric;
            }
        }

        private static readonly NameTable s_statusNames = new NameTable("ok|WARN|FAIL"u8, (int)RampLevelStatus.Count);

        public static ReadOnlySpan<byte> Name(RampLevelStatus status) => s_statusNames[(int)status];
    }
}
