// Runs one stress test on the shell thread, which coordinates: it starts the
// run's threads (workloads at Low priority, the chaos thread in `multi`, the
// autonomy controller at High when autonomy is on), waits for the deadline or
// Ctrl-C while sampling pressure and emitting a progress record each second
// (runs over 2 s), stops and joins every thread, checks that the kernel heap
// and free pages are back where they were, and reports: the human summary,
// the result record, and a line in StressHistory.
using KernelStress.Kernel.Memory;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Chaos;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Kernel.Stress.Records;
using KernelStress.Kernel.Stress.Workloads;
using KernelStress.Kernel.Stress.Workloads.Leak;
using KernelStress.Kernel.Stress.Workloads.Mix;
using KernelStress.Kernel.Stress.Workloads.Ramp;
using KernelStress.Kernel.Stress.Workloads.Scale;
using KernelStress.Kernel.Stress.Workloads.Service;
using KernelStress.Kernel.Stress.Workloads.Storm;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static unsafe class StressCoordinator
    {
        private const uint ChaosBackgroundPressurePct = 60;
        private const ulong ProgressIntervalNs = 1_000_000_000;

        private static ulong s_nextProgress;
        private static ulong s_nextSample;
        private static ulong s_pressureSum;
        private static ulong s_pressureSamples;
        private static int s_chaosThread;

        public static void Run(in StressOptions options, TokenList args, TextSink output)
        {
            ulong heapInUse = KernelHeap.InUseBytes;
            ulong heapHeld = KernelHeap.HeldBytes;
            ulong freePages = PageAllocator.FreePages;
            ulong idleBefore = IdleNanoseconds();

            StressRun.Begin(options);
            StressPhases.Reset();
            MemoryBudget.Reset();
            AutonomyController.ResetForRun(options.Seed);
            s_nextProgress = StressRun.StartNanoseconds + ProgressIntervalNs;
            s_nextSample = StressRun.StartNanoseconds;
            s_pressureSum = 0;
            s_pressureSamples = 0;
            if (!options.Summary)
                StressSummary.Header(output);

            bool started = StartAndWait(options, output);

            StressRun.Finish();
            StressRun.RequestStop();
            MemoryWorkload.Stop();
            if (s_chaosThread >= 0)
                Scheduler.Join(s_chaosThread);
            s_chaosThread = -1;
            AutonomyController.Stop();
            ChaosActions.Finish();

            if (!started)
                StressRun.Fail("a thread of the run could not be started (thread table full or out of memory)"u8);
            Measure(idleBefore);
            StressVerdicts.Judge();
            // A leak shows as more heap or fewer free pages than before the run; more free
            // pages than before is something outside the run finishing (a thread's stack freed).
            if (KernelHeap.InUseBytes > heapInUse || KernelHeap.HeldBytes > heapHeld || PageAllocator.FreePages < freePages)
                StressRun.Fail("the kernel heap or the free pages did not return to their baseline"u8);
            StressSummary.Print(output);
            ResultRecord.Emit(args);
            StressHistory.Record();
        }

        // Starts the run's threads and does the coordinator's part until the run ends; false if a thread did not start.
        private static bool StartAndWait(in StressOptions options, TextSink output)
        {
            s_chaosThread = -1;
            bool started = true;
            switch (options.Kind)
            {
                case StressKind.Memory:
                    started = MemoryWorkload.Start(1, options.TargetPressurePct,
                        StressRun.AddHistogram(StressHistogram.AllocLatency), StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));
                    started &= StartController(options);
                    WaitForEnd();
                    break;
                case StressKind.Commands:
                    LatencyHistogram commands = StressRun.AddHistogram(StressHistogram.CommandLatency);
                    started = StartController(options);
                    CommandFlood.Run(commands, &Poll, true);
                    break;
                case StressKind.Chaos:
                    LatencyHistogram recovery = StressRun.AddHistogram(StressHistogram.RecoveryLatency);
                    LatencyHistogram events = StressRun.AddHistogram(StressHistogram.EventLatency);
                    started = MemoryWorkload.Start(1, ChaosBackgroundPressurePct,
                        StressRun.AddHistogram(StressHistogram.AllocLatency), StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));
                    started &= StartController(options);
                    ChaosEngine.Run(recovery, events, &Poll);
                    break;
                case StressKind.Multi:
                    LatencyHistogram alloc = StressRun.AddHistogram(StressHistogram.AllocLatency);
                    LatencyHistogram flood = StressRun.AddHistogram(StressHistogram.CommandLatency);
                    StressRun.AddHistogram(StressHistogram.RecoveryLatency);
                    StressRun.AddHistogram(StressHistogram.EventLatency);
                    started = MemoryWorkload.Start(Scheduler.OnlineCpus, options.TargetPressurePct, alloc,
                        StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));
                    started &= StartController(options);
                    s_chaosThread = Scheduler.Spawn("chaos"u8, &ChaosThread, 0, ThreadPriority.Normal);
                    started &= s_chaosThread >= 0;
                    CommandFlood.Run(flood, &Poll, true);
                    break;
                case StressKind.Learning:
                    started = MemoryWorkload.Start(1, options.TargetPressurePct,
                        StressRun.AddHistogram(StressHistogram.AllocLatency), StressRun.AddHistogram(StressHistogram.OomRecoveryLatency));
                    started &= LearningRun.Run(&Poll, output);
                    break;
                case StressKind.Ramp:
                    started = RampWorkload.Run(StressRun.AddHistogram(StressHistogram.ItemLatency), &Poll);
                    break;
                case StressKind.Leak:
                    started = LeakWorkload.Run(StressRun.AddHistogram(StressHistogram.AllocLatency), &Poll);
                    break;
                case StressKind.Scale:
                    started = ScaleWorkload.Run(StressRun.AddHistogram(StressHistogram.OpLatency), &Poll);
                    break;
                case StressKind.Concurrency:
                    started = ConcurrencyWorkload.Run(StressRun.AddHistogram(StressHistogram.RequestLatency), &Poll);
                    break;
                case StressKind.Recovery:
                    LatencyHistogram restart = StressRun.AddHistogram(StressHistogram.RestartLatency);
                    started = RecoveryWorkload.Run(restart, StressRun.AddHistogram(StressHistogram.FirstSuccessLatency), &Poll);
                    break;
                case StressKind.Mix:
                    MixWorkload.Run(StressRun.AddHistogram(StressHistogram.OpLatency), &Poll);
                    break;
                case StressKind.Storm:
                    StormWorkload.Run(StressRun.AddHistogram(StressHistogram.FailureLatency), &Poll, output);
                    break;
                default:
                    Redteam.Run(StressRun.AddHistogram(StressHistogram.RejectLatency), &Poll);
                    break;
            }
            return started;
        }

        private static bool StartController(in StressOptions options) => !options.Autonomy || AutonomyController.Start();

        // `multi`: the chaos engine on its own thread, until the coordinator stops the run.
        private static void ChaosThread(nint unused)
        {
            ChaosEngine.Run(StressRun.Histogram(2), StressRun.Histogram(3), &Stopping);
        }

        private static bool Stopping() => StressRun.Stopping;

        private static void WaitForEnd()
        {
            while (!Poll())
                Scheduler.Sleep(1);
        }

        // The coordinator's periodic work: a pressure sample per millisecond and a
        // progress record per second. True when the run should end.
        private static bool Poll()
        {
            ulong now = Clock.NowNanoseconds;
            if (now >= s_nextSample)
            {
                s_pressureSum += MemoryBudget.PressurePct;
                s_pressureSamples++;
                s_nextSample = now + 1_000_000;
            }
            if (now >= s_nextProgress)
            {
                if (StressRun.Options.DurationMs > 2000)
                    ProgressRecord.Emit();
                if (StressRun.Options.Verbose)
                    StressSummary.Status(StressOutput.Out);
                s_nextProgress += ProgressIntervalNs;
            }
            return StressRun.ShouldEnd();
        }

        private static void Measure(ulong idleBefore)
        {
            if (StressKinds.RunsMemoryWorkload(StressRun.Options.Kind))
            {
                StressRun.Set(StressCounter.MemPeakBytes, (long)MemoryBudget.PeakBytes);
                StressRun.Set(StressCounter.MemBudgetBytes, (long)MemoryBudget.BudgetBytes);
                StressRun.Set(StressCounter.PeakPressurePct, MemoryBudget.PeakPressurePct);
                StressRun.Set(StressCounter.AvgPressurePct, s_pressureSamples == 0 ? 0 : (long)(s_pressureSum / s_pressureSamples));
                StressRun.Add(StressCounter.OomEvents, 0);
            }
            ulong elapsed = (StressRun.EndNanoseconds - StressRun.StartNanoseconds) * (ulong)Scheduler.OnlineCpus;
            ulong idle = IdleNanoseconds() - idleBefore;
            if (elapsed > 0 && idle <= elapsed)
                StressRun.Set(StressCounter.CpuBusyPct, (long)(100 - idle * 100 / elapsed));
            if (StressRun.Cancelled)
                StressRun.Set(StressCounter.Cancelled, 1);
        }

        // Time the CPUs' idle threads have run, all together (workloads take per-phase CPU shares from it).
        internal static ulong IdleNanoseconds()
        {
            ulong idle = 0;
            for (int slot = 0; slot < Scheduler.MaxThreads; slot++)
            {
                if (Scheduler.Snapshot(slot, out KernelThread thread) && thread.Priority == ThreadPriority.Idle)
                    idle += thread.RunNanoseconds;
            }
            return idle;
        }
    }
}
