// The last Capacity runs' key figures, for `stresstest report` and for the
// deltas `compare` prints: kept in a ring of structs allocated once.
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Metrics;

namespace KernelStress.Kernel.Stress
{
    internal struct RunSummary
    {
        public StressKind Kind;
        public ulong Seed;
        public bool Autonomy;
        public ulong DurationMs;
        public StressVerdict Verdict;
        public long Ops;
        public long Failed;
        public long OomEvents;
        public long PeakPressurePct;
        public long AvgPressurePct;
        public ulong P99Nanoseconds;
        // p99 of alloc_latency; HasAllocLatency is false for kinds that do not allocate through MemoryWorkload.
        public ulong AllocP99Nanoseconds;
        public bool HasAllocLatency;
        public ulong TotalInterventions;
        public ulong Compactions;
        public ulong OomPreventions;
        public ulong PriorityBoosts;
        public ulong DeadlineAdjustments;
        public ulong Rebalances;
        public ulong PressurePredictions;
    }

    internal static class StressHistory
    {
        public const int Capacity = 16;

        private static readonly RunSummary[] s_runs = new RunSummary[Capacity];
        private static int s_count;
        private static int s_next;

        public static int Count => s_count;

        // The i-th oldest kept run.
        public static ref RunSummary At(int index) => ref s_runs[(s_next - s_count + index + Capacity) % Capacity];

        public static ref RunSummary Latest => ref At(s_count - 1);

        // Summarises StressRun as it stands after a run.
        public static void Record()
        {
            ref RunSummary run = ref s_runs[s_next];
            run.Kind = StressRun.Options.Kind;
            run.Seed = StressRun.Options.Seed;
            run.Autonomy = StressRun.Options.Autonomy;
            run.DurationMs = StressRun.DurationMs;
            run.Verdict = StressRun.Verdict;
            run.Ops = StressRun.Get(StressCounter.Ops);
            run.Failed = StressRun.Get(StressCounter.Failed);
            run.OomEvents = StressRun.Get(StressCounter.OomEvents);
            run.PeakPressurePct = StressRun.Get(StressCounter.PeakPressurePct);
            run.AvgPressurePct = StressRun.Get(StressCounter.AvgPressurePct);
            run.P99Nanoseconds = 0;
            run.AllocP99Nanoseconds = 0;
            run.HasAllocLatency = false;
            for (int i = 0; i < StressRun.HistogramCount; i++)
            {
                bool alloc = StressRun.HistogramName(i) == StressHistogram.AllocLatency;
                if (i > 0 && !alloc)
                    continue;
                StressRun.Histogram(i).Snapshot(StressRun.Snapshot);
                ulong p99 = StressRun.Snapshot.ValueAtPercentile(99);
                if (i == 0)
                    run.P99Nanoseconds = p99;
                if (alloc)
                {
                    run.AllocP99Nanoseconds = p99;
                    run.HasAllocLatency = true;
                }
            }
            AutonomyMetrics metrics = AutonomyController.Run;
            run.TotalInterventions = metrics.Value(AutonomyMetrics.TotalInterventions);
            run.Compactions = metrics.Value((int)AutonomyAction.ProactiveCompaction);
            run.OomPreventions = metrics.Value((int)AutonomyAction.OomPrevention);
            run.PriorityBoosts = metrics.Value((int)AutonomyAction.PriorityBoost);
            run.DeadlineAdjustments = metrics.Value((int)AutonomyAction.DeadlineAdjustment);
            run.Rebalances = metrics.Value((int)AutonomyAction.Rebalance);
            run.PressurePredictions = metrics.Value((int)AutonomyAction.PressurePrediction);
            s_next = (s_next + 1) % Capacity;
            if (s_count < Capacity)
                s_count++;
        }
    }
}
