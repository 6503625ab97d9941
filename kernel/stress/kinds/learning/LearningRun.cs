// `stresstest learning`: the memory workload runs while the controller picks
// its memory action with the Q-learner (AutonomyController.Learning), for
// --episodes equal slices of the run. Every episode starts from an empty pool
// (the same task each time, so rewards compare). Each episode's reward is the sum of the
// learner's measured per-tick rewards in it; exploration decays from 0.5 to
// 0.05 over the first three quarters of the episodes. The run reports the
// reward per episode and whether the last quartile's mean beats the first's.
using KernelStress.Kernel.Scheduling;
using KernelStress.Kernel.Stress.Autonomy;
using KernelStress.Kernel.Stress.Kinds.Memory;
using KernelStress.Kernel.Time;
using KernelStress.Shell;

namespace KernelStress.Kernel.Stress.Kinds.Learning
{
    internal static unsafe class LearningRun
    {
        public const int MaxEpisodes = 1000;
        public const ulong MinEpisodeMs = 20;

        private static readonly double[] s_rewards = new double[MaxEpisodes];

        public static int Episodes { get; private set; }

        public static double Reward(int episode) => s_rewards[episode];

        // Runs the episodes on the calling thread (the controller and workload already run).
        public static void Run(delegate*<bool> poll, TextSink output)
        {
            int episodes = (int)StressRun.Options.Episodes;
            ulong episodeNs = StressRun.Options.DurationMs * 1_000_000 / (ulong)episodes;
            Episodes = 0;
            for (int e = 0; e < episodes; e++)
            {
                double decay = 1 - e / (0.75 * episodes);
                AutonomyController.Epsilon = decay > 0.1 ? 0.5 * decay : 0.05;
                MemoryWorkload.Pool(0).FreeAll();
                double before = AutonomyController.TotalReward;
                ulong end = StressRun.StartNanoseconds + (ulong)(e + 1) * episodeNs;
                bool stop = false;
                while (Clock.NowNanoseconds < end && !(stop = poll()))
                    Scheduler.Sleep(1);
                s_rewards[e] = AutonomyController.TotalReward - before;
                Episodes = e + 1;
                if (StressRun.Options.Verbose)
                    PrintEpisode(output, e);
                if (stop)
                    break;
            }
        }

        // Mean reward of the first and the last quarter of the episodes run.
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
