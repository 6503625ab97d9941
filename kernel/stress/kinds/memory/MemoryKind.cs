// `stresstest memory`: the memory workload on one thread toward
// --target-pressure, the controller when autonomy is on. PARTIAL when an OOM
// found nothing to free. Its measure, verdict and lines also serve the kinds
// that run the memory workload beside something else (chaos, multi, learning).
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Memory
{
    internal static unsafe class MemoryKind
    {
        public static StressKindDescriptor Descriptor => new StressKindDescriptor("memory"u8, ShellCommandId.StresstestMemory,
            &StressKindDescriptor.FollowArmedAutonomy, &Start, &JudgeOom, &PrintPressure)
        {
            CompareCommand = ShellCommandId.StresstestCompareMemory,
            Stop = &MemoryWorkload.Stop,
            Measure = &Measure,
        };

        private static bool Start(in StressOptions options, TextSink output, delegate*<bool> poll)
        {
            bool started = StartWorkload(1, options.TargetPressurePct);
            started &= StressCoordinator.StartController(options);
            StressCoordinator.WaitForEnd(poll);
            return started;
        }

        // The workload with its two histograms, alloc latency first.
        public static bool StartWorkload(int workers, uint targetPct) =>
            MemoryWorkload.Start(workers, targetPct,
                StressRun.AddHistogram(StressHistogram.AllocLatency), StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));

        // The pressure the run reached and the budget it had.
        public static void Measure()
        {
            StressRun.Set(StressCounter.MemPeakBytes, (long)MemoryBudget.PeakBytes);
            StressRun.Set(StressCounter.MemBudgetBytes, (long)MemoryBudget.BudgetBytes);
            StressRun.Set(StressCounter.PeakPressurePct, MemoryBudget.PeakPressurePct);
            StressRun.Set(StressCounter.AvgPressurePct, StressCoordinator.AveragePressurePct);
            StressRun.Add(StressCounter.OomEvents, 0);
        }

        public static void JudgeOom(TextSink reason)
        {
            long ooms = StressRun.Get(StressCounter.OomEvents);
            long recovered = StressRun.Get(StressCounter.OomRecoveries);
            reason.WriteDecimal(ooms);
            reason.Write(" OOM event(s), "u8);
            reason.WriteDecimal(recovered);
            reason.Write(" recovered by freeing 20-70% of the pool"u8);
            if (recovered < ooms)
                StressRun.Judge(StressVerdict.Partial);
        }

        public static void PrintPressure(TextSink output)
        {
            StressSummary.Line(output, "  Peak Pressure: "u8, StressRun.Get(StressCounter.PeakPressurePct), "%"u8);
            StressSummary.Line(output, "  Avg Pressure: "u8, StressRun.Get(StressCounter.AvgPressurePct), "%"u8);
            output.Write("  OOM Events: "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.OomEvents));
            output.Write(" (recovered "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.OomRecoveries));
            output.Write(", "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.BytesFreedOnRecovery));
            output.Write(" bytes freed; budget "u8);
            output.WriteDecimal(StressRun.Get(StressCounter.MemBudgetBytes));
            output.WriteLine(" bytes)"u8);
        }
    }
}
