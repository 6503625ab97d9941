// The autonomy controller: a High-priority kernel thread that runs during a
// stress run when autonomy is on (`autonomy on`; `compare` turns it on for
// its second run). Every tick (1 ms) it samples the run's heap pressure, its
// OOM events and allocation count and the deadline probe, forecasts pressure
// (PressurePredictor) and acts through real actuators:
//  - proactive compaction: releases the oldest blocks of the fullest pool
//    (the workloads' pools are caches the controller may shrink);
//  - OOM prevention: throttles the allocators (workloads stop growing and
//    give back blocks while AllocatorsThrottled) before the budget is hit;
//  - priority boost, then deadline adjustment, for a probe missing deadlines;
//  - rebalancing, with two or more CPUs online: moves a ready thread from the
//    busiest CPU to the idlest when loads differ by two or more (BalanceCpus).
// The memory action comes from fixed rules, or from the Q-learner in
// learning mode. Every intervention is counted by type with its measured
// outcome (AutonomyMetrics: success and latency; Outcomes: successes by type).
using System.Threading;
using KernelStress.Kernel.Metrics;
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Autonomy
{
    internal static unsafe class AutonomyController
    {
        public const int MaxPools = 8;
        private const int ForecastTicks = 2;
        private const double CompactAtPct = 90;
        private const double ThrottleAtPct = 97;
        private const double ReleaseThrottleBelowPct = 85;
        private const uint CompactPercent = 10;
        private const int CompactCooldownTicks = 5;
        private const int BoostEvaluationTicks = 20;
        private const int RebalanceEvaluationTicks = 3;

        private static readonly BlockPool?[] s_pools = new BlockPool?[MaxPools];
        private static readonly ulong[] s_succeeded = new ulong[AutonomyMetrics.TotalInterventions];
        private static readonly PressurePredictor s_predictor = new PressurePredictor();
        // Restarted by its supervisor when killed; the cleanup lifts a throttle the dead instance left.
        private static readonly SupervisedThread s_thread =
            new SupervisedThread("autonomy"u8, &Loop, &ReleaseThrottle, ThreadPriority.High);
        private static int s_poolCount;
        private static int s_throttled;
        private static long s_loops;
        private static bool s_armed;

        // Run state of the control loop (its thread only).
        private static ulong s_throttleStart;
        private static long s_oomAtThrottle;
        private static int s_compactCooldown;
        private static int s_boostTicks;
        private static long s_missesAtBoost;
        private static long s_lastMisses;
        private static bool s_boosted;
        private static bool s_adjusted;
        // Rebalancing: ticks left before the last move is judged, and the load spread before it.
        private static int s_balanceTicks;
        private static int s_spreadAtBalance;
        private static ulong s_balanceStart;
        private static Xorshift64Star s_random;
        private static int s_learnState = -1;
        private static MemoryAction s_learnAction;
        private static long s_opsAtAction;
        private static long s_oomAtAction;
        private static ulong s_releasedByAction;

        // Per-run metrics (reset at each run); every intervention also counts in KernelMetrics.Autonomy.
        public static readonly AutonomyMetrics Run = new AutonomyMetrics(StressRun.Shards);

        public static bool Learning;
        public static double Epsilon;
        // The learner's rewards summed since the run began (its thread adds; others read differences).
        public static double TotalReward;

        // `autonomy on|off`: whether stress runs start the controller.
        public static bool Armed
        {
            get => Volatile.Read(ref s_armed);
            set => Volatile.Write(ref s_armed, value);
        }

        public static bool Running => s_thread.Running;

        // Times the supervisor started a new controller after one died.
        public static int Restarts => s_thread.Restarts;

        // The control loop's iterations so far: it advances while a controller runs.
        public static long Loops => Volatile.Read(ref s_loops);

        // Test-only (stresstest chaos --sabotage autonomy_flip): whether a killed controller is restarted.
        public static bool RestartsEnabled
        {
            set => s_thread.RestartsEnabled = value;
        }

        public static bool AllocatorsThrottled => Volatile.Read(ref s_throttled) != 0;

        // When the allocators were last throttled (clock ns).
        public static ulong ThrottledAtNs => Volatile.Read(ref s_throttleStart);

        public static PressurePredictor Predictor => s_predictor;

        public static ulong Succeeded(AutonomyAction action) => s_succeeded[(int)action];

        // Before a run: forget the last run's pools, counters and forecast.
        public static void ResetForRun(ulong seed)
        {
            s_poolCount = 0;
            Run.Reset();
            for (int i = 0; i < s_succeeded.Length; i++)
                s_succeeded[i] = 0;
            s_predictor.Reset();
            s_random = new Xorshift64Star(StressStreams.Derive(seed, StressStreams.Controller));
            Volatile.Write(ref s_throttled, 0);
            s_balanceTicks = 0;
            Learning = false;
            Epsilon = 0;
            TotalReward = 0;
        }

        public static void AddPool(BlockPool pool)
        {
            if (s_poolCount < MaxPools)
                s_pools[s_poolCount++] = pool;
        }

        public static bool Start()
        {
            s_compactCooldown = 0;
            s_boosted = false;
            s_adjusted = false;
            s_lastMisses = 0;
            s_learnState = -1;
            return s_thread.Start();
        }

        // Ends the control loop and joins it; allocators are never left throttled.
        public static void Stop()
        {
            s_thread.Stop();
            Volatile.Write(ref s_throttled, 0);
        }

        // Kills the controller's thread (it dies at its next switch point); its supervisor restarts it.
        public static bool Kill() => s_thread.Kill();

        private static void ReleaseThrottle() => Volatile.Write(ref s_throttled, 0);

        private static void Loop()
        {
            while (!s_thread.Stopping && !StressRun.Stopping)
            {
                Tick();
                Interlocked.Increment(ref s_loops);
                Scheduler.Sleep(1);
            }
        }

        private static void Tick()
        {
            double pressure = MemoryBudget.PressurePct;
            s_predictor.Accept(pressure);
            double forecast = s_predictor.Forecast(ForecastTicks);
            if (Learning)
                LearnAndAct(pressure);
            else
                ActByRules(pressure, forecast);
            WatchDeadlines();
            BalanceCpus();
        }

        // Rebalancing across CPUs: when the online CPUs' loads (queued plus running
        // threads) differ by two or more, move one unpinned ready thread from the
        // busiest to the idlest (Scheduler.MoveOneReady); judged RebalanceEvaluationTicks
        // later: it succeeded if the spread is smaller than before the move.
        private static void BalanceCpus()
        {
            if (s_balanceTicks > 0)
            {
                if (--s_balanceTicks == 0)
                    Intervene(AutonomyAction.Rebalance, Clock.NowNanoseconds - s_balanceStart, Scheduler.LoadSpread() < s_spreadAtBalance);
                return;
            }
            int spread = Scheduler.LoadSpread();
            if (spread >= 2 && Scheduler.MoveOneReady())
            {
                s_spreadAtBalance = spread;
                s_balanceStart = Clock.NowNanoseconds;
                s_balanceTicks = RebalanceEvaluationTicks;
            }
        }

        private static void ActByRules(double pressure, double forecast)
        {
            if (s_compactCooldown > 0)
                s_compactCooldown--;
            if (AllocatorsThrottled)
            {
                if (forecast < ReleaseThrottleBelowPct)
                    Unthrottle();
                return;
            }
            if (forecast >= ThrottleAtPct)
            {
                Count(AutonomyAction.PressurePrediction);
                Throttle();
            }
            else if (forecast >= CompactAtPct && s_compactCooldown == 0)
            {
                Count(AutonomyAction.PressurePrediction);
                ReleaseCache();
            }
        }

        // Learning mode: reward the previous action by what the next tick measured, then choose again.
        private static void LearnAndAct(double pressure)
        {
            int state = QLearner.State(pressure, s_predictor.Trend, AllocatorsThrottled);
            if (s_learnState >= 0)
            {
                double reward = Reward();
                TotalReward += reward;
                if (QLearner.Learn(s_learnState, s_learnAction, reward, state))
                    Count(AutonomyAction.PolicyUpdate);
            }
            MemoryAction action = QLearner.Choose(state, Epsilon, ref s_random, out bool explored);
            Count(explored ? AutonomyAction.Exploration : AutonomyAction.Exploitation);
            s_learnState = state;
            s_learnAction = action;
            s_opsAtAction = StressRun.Get(StressCounter.Ops);
            s_oomAtAction = StressRun.Get(StressCounter.OomEvents);
            s_releasedByAction = 0;
            switch (action)
            {
                case MemoryAction.ReleaseCache:
                    ReleaseCache();
                    break;
                case MemoryAction.Throttle:
                    if (!AllocatorsThrottled)
                        Throttle();
                    break;
                case MemoryAction.Unthrottle:
                    if (AllocatorsThrottled)
                        Unthrottle();
                    break;
            }
        }

        // Measured over the tick since the action: work done (allocations, in
        // units of 16), minus 200 per OOM event, minus one per 64 KiB released.
        private static double Reward()
        {
            long ops = StressRun.Get(StressCounter.Ops) - s_opsAtAction;
            long ooms = StressRun.Get(StressCounter.OomEvents) - s_oomAtAction;
            return ops / 16.0 - 200.0 * ooms - s_releasedByAction / 65536.0;
        }

        private static void ReleaseCache()
        {
            BlockPool? fullest = null;
            for (int i = 0; i < s_poolCount; i++)
            {
                if (fullest == null || s_pools[i]!.HeldBytes > fullest.HeldBytes)
                    fullest = s_pools[i];
            }
            if (fullest == null)
                return;
            ulong start = Clock.NowNanoseconds;
            uint before = MemoryBudget.PressurePct;
            ulong freed = fullest.ReleaseOldest(CompactPercent);
            s_releasedByAction += freed;
            bool succeeded = freed > 0 && MemoryBudget.PressurePct < before;
            Intervene(AutonomyAction.ProactiveCompaction, Clock.NowNanoseconds - start, succeeded);
            s_compactCooldown = CompactCooldownTicks;
            StressRun.Increment(StressCounter.CacheReleases);
        }

        private static void Throttle()
        {
            s_throttleStart = Clock.NowNanoseconds;
            s_oomAtThrottle = StressRun.Get(StressCounter.OomEvents);
            Volatile.Write(ref s_throttled, 1);
        }

        // The end of an OOM prevention: it succeeded if no OOM happened while throttled.
        private static void Unthrottle()
        {
            Volatile.Write(ref s_throttled, 0);
            bool succeeded = StressRun.Get(StressCounter.OomEvents) == s_oomAtThrottle;
            Intervene(AutonomyAction.OomPrevention, Clock.NowNanoseconds - s_throttleStart, succeeded);
        }

        private static void WatchDeadlines()
        {
            int probe = DeadlineProbe.ThreadId;
            if (probe == Scheduler.NoThread)
            {
                // The probe ended before its boost was judged: judge it on the misses seen.
                if (s_boosted && s_boostTicks < BoostEvaluationTicks)
                    Intervene(s_adjusted ? AutonomyAction.DeadlineAdjustment : AutonomyAction.PriorityBoost,
                        (ulong)s_boostTicks * 1_000_000, s_lastMisses - s_missesAtBoost <= 1);
                s_boosted = false;
                s_adjusted = false;
                s_lastMisses = 0;
                return;
            }
            long misses = DeadlineProbe.Missed;
            if (s_boosted && ++s_boostTicks == BoostEvaluationTicks)
            {
                // Allow one miss in flight when the boost landed.
                bool boostWorked = misses - s_missesAtBoost <= 1;
                Intervene(s_adjusted ? AutonomyAction.DeadlineAdjustment : AutonomyAction.PriorityBoost,
                    (ulong)BoostEvaluationTicks * 1_000_000, boostWorked);
                if (!boostWorked && !s_adjusted)
                {
                    DeadlineProbe.Relax(DeadlineProbe.PeriodTicks * 3 / 2);
                    s_adjusted = true;
                    s_boostTicks = 0;
                    s_missesAtBoost = misses;
                }
            }
            if (!s_boosted && misses > s_lastMisses && Scheduler.SetPriority(probe, ThreadPriority.High))
            {
                s_boosted = true;
                s_boostTicks = 0;
                s_missesAtBoost = misses;
            }
            s_lastMisses = misses;
        }

        private static void Count(AutonomyAction action)
        {
            Run.RecordAction(action);
            KernelMetrics.Autonomy.RecordAction(action);
        }

        private static void Intervene(AutonomyAction action, ulong nanoseconds, bool succeeded)
        {
            Count(action);
            Run.RecordIntervention(nanoseconds, succeeded);
            KernelMetrics.Autonomy.RecordIntervention(nanoseconds, succeeded);
            if (succeeded)
                Interlocked.Increment(ref s_succeeded[(int)action]);
        }
    }
}
