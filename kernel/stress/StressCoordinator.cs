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
using KernelStress.Kernel.Stress.Kinds;
using KernelStress.Kernel.Stress.Phases;
using KernelStress.Kernel.Stress.Records;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress
{
    internal static unsafe class StressCoordinator
    {
        private const ulong ProgressIntervalNs = 1_000_000_000;

        private static ulong s_nextProgress;
        private static ulong s_nextSample;
        private static ulong s_pressureSum;
        private static ulong s_pressureSamples;

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

            ref readonly StressKindDescriptor kind = ref StressKinds.Of(options.Kind);
            bool started = kind.Start(options, output, &Poll);

            StressRun.Finish();
            StressRun.RequestStop();
            if (kind.Stop != null)
                kind.Stop();
            AutonomyController.Stop();
            ChaosActions.Finish();

            if (!started)
                StressRun.Fail("a thread of the run could not be started (thread table full or out of memory)"u8);
            Measure(idleBefore);
            if (kind.Measure != null)
                kind.Measure();
            Judge(kind);
            // A leak shows as more heap or fewer free pages than before the run; more free
            // pages than before is something outside the run finishing (a thread's stack freed).
            if (KernelHeap.InUseBytes > heapInUse || KernelHeap.HeldBytes > heapHeld || PageAllocator.FreePages < freePages)
                StressRun.Fail("the kernel heap or the free pages did not return to their baseline"u8);
            StressSummary.Print(output);
            ResultRecord.Emit(args);
            StressHistory.Record();
        }

        // The verdict of the kinds' own Judge, when nothing failed while running; a
        // failure recorded then (StressRun.Fail) always stands, and a run cancelled
        // with Ctrl-C is at best PARTIAL.
        private static void Judge(in StressKindDescriptor kind)
        {
            if (StressRun.Verdict == StressVerdict.Fail)
                return;
            kind.Judge(StressRun.Reason);
            if (StressRun.Cancelled)
            {
                StressRun.Judge(StressVerdict.Partial);
                StressRun.Reason.Write("; cancelled by Ctrl-C"u8);
            }
        }

        // Starts the controller when autonomy is on for the run; false if it could not start.
        public static bool StartController(in StressOptions options) => !options.Autonomy || AutonomyController.Start();

        // For a kind whose work runs on threads of its own: the coordinator's part until the run ends.
        public static void WaitForEnd(delegate*<bool> poll)
        {
            while (!poll())
                Scheduler.Sleep(1);
        }

        // The mean of the millisecond pressure samples over the run.
        public static long AveragePressurePct => s_pressureSamples == 0 ? 0 : (long)(s_pressureSum / s_pressureSamples);

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
