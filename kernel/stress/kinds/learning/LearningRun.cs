// `stresstest learning`: the memory workload runs while the controller picks
// its memory action with the Q-learner (ControlPolicy.Learner), for
// --episodes training episodes of --duration / --episodes each, then the
// evaluation (LearningEvaluation). Every episode starts from an empty pool on
// a seed of its own (MemoryWorkload.BeginEpisode), derived from the run's:
// training episode e on TrainingEpisodeBase + e, so the evaluation's seeds
// are held out. An episode's reward is AutonomyReward of what the workload
// did in it (bytes allocated, OOM events, bytes given up); exploration decays from 0.5 to 0.05 over the first three quarters of
// the training episodes. The run reports the reward per episode and the mean
// of the first and last quartile.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Metrics;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Learning
{
    internal struct EpisodeOutcome
    {
        public double Reward;
        public long OomEvents;
        public long Ops;
        public bool Cancelled;
    }

    internal static unsafe class LearningRun
    {
        public const int MaxEpisodes = 1000;
        public const ulong MinEpisodeMs = 20;
        private const ulong TrainingEpisodeBase = 1UL << 20;

        private static readonly double[] s_rewards = new double[MaxEpisodes];

        public static int Episodes { get; private set; }

        public static ulong EpisodeNanoseconds => StressRun.Options.DurationMs * 1_000_000 / StressRun.Options.Episodes;

        // Runs training and evaluation on the calling thread (the workload already runs);
        // the episodes keep their own time, so only Ctrl-C ends the run early. False when
        // the controller could not be started.
        public static bool Run(delegate*<bool> poll, TextSink output)
        {
            int episodes = (int)StressRun.Options.Episodes;
            StressRun.DeadlineNanoseconds = ulong.MaxValue;
            QLearner.Reset();
            Episodes = 0;
            bool stop = false;
            for (int e = 0; e < episodes && !stop; e++)
            {
                double decay = 1 - e / (0.75 * episodes);
                AutonomyController.Epsilon = decay > 0.1 ? 0.5 * decay : 0.05;
                AutonomyController.Training = !StressRun.Options.InjectNoLearning;
                if (!Episode(ControlPolicy.Learner, true, StressStreams.Derive(StressRun.Options.Seed, TrainingEpisodeBase + (ulong)e), poll, out EpisodeOutcome outcome))
                    return false;
                stop = outcome.Cancelled;
                s_rewards[e] = outcome.Reward;
                Episodes = e + 1;
                if (StressRun.Options.Verbose)
                    PrintEpisode(output, e);
            }
            AutonomyController.Stop();
            return stop || LearningEvaluation.Run(poll);
        }

        // One episode of EpisodeNanoseconds on `seed` under `policy` (no controller when `controlled` is false).
        // False when the controller could not be started; outcome.Cancelled when Ctrl-C came during it.
        public static bool Episode(ControlPolicy policy, bool controlled, ulong seed, delegate*<bool> poll, out EpisodeOutcome outcome)
        {
            AutonomyController.Stop();
            MemoryWorkload.BeginEpisode(seed);
            AutonomyController.Predictor.Reset();
            AutonomyController.Policy = policy;
            outcome = default;
            if (controlled && !AutonomyController.Start())
                return false;
            long allocated = MemoryWorkload.AllocatedBytes;
            long ooms = StressRun.Get(StressCounter.OomEvents);
            long ops = StressRun.Get(StressCounter.Ops);
            long givenUp = AutonomyController.GivenUpBytes;
            ulong end = Clock.NowNanoseconds + EpisodeNanoseconds;
            bool stop = false;
            while (Clock.NowNanoseconds < end && !(stop = poll()))
                Scheduler.Sleep(1);
            outcome.OomEvents = StressRun.Get(StressCounter.OomEvents) - ooms;
            outcome.Ops = StressRun.Get(StressCounter.Ops) - ops;
            outcome.Reward = AutonomyReward.Of(MemoryWorkload.AllocatedBytes - allocated, outcome.OomEvents, AutonomyController.GivenUpBytes - givenUp);
            outcome.Cancelled = stop;
            return true;
        }

        // Mean reward of the first and the last quarter of the training episodes run.
        public static void Quartiles(out double first, out double last)
        {
            int quarter = Episodes / 4;
            if (quarter == 0)
                quarter = 1;
            first = 0;
            last = 0;
            for (int i = 0; i < quarter && i < Episodes; i++)
            {
                first += s_rewards[i];
                last += s_rewards[Episodes - 1 - i];
            }
            first /= quarter;
            last /= quarter;
        }

        private static void PrintEpisode(TextSink output, int episode)
        {
            StressOutput.Lock.Lock();
            output.Write("[LEARNING] episode "u8);
            output.WriteDecimal((ulong)episode + 1);
            output.Write(" reward="u8);
            output.WriteFixed(s_rewards[episode], 1);
            output.Write(" epsilon="u8);
            output.WriteFixed(AutonomyController.Epsilon, 2);
            output.WriteLine();
            StressOutput.Lock.Unlock();
        }
    }
}
