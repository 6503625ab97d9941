// The controller's Q-learner over its memory actions: a QTable (kernel.Metrics)
// behind the learner's spinlock, since the controller learns while a chaos
// event may retrain. State: the pressure band (5), the trend (falling, flat,
// rising) and whether allocators are throttled; actions: MemoryAction. Rewards
// are AutonomyReward of what the workload measurably did in the tick after
// the action. Epsilon-greedy choice with the run's PRNG, so a seed replays
// its choices. A transition whose reward is not finite or beyond RewardLimit
// is rejected, so the table stays finite and a rejected transition changes
// nothing: what a hot retrain checks. RewardGuard is a test-only switch
// (stresstest chaos --sabotage hot_retrain) that lets such rewards through.
using KernelStress.Kernel.Sync;
using KernelStress.Metrics;
using KernelStress.Prng;

namespace KernelStress.Kernel.Stress.Autonomy
{
    internal enum MemoryAction
    {
        None,
        ReleaseCache,
        Throttle,
        Unthrottle,
    }

    internal static class QLearner
    {
        public const int Actions = 4;
        public const int States = 5 * 3 * 2;
        public const double RewardLimit = QTable.RewardLimit;
        public const int ReplayCapacity = QTable.ReplayCapacity;
        private const double LearningRate = 0.2;
        private const double Discount = 0.8;
        // Optimistic start: above any value measured rewards reach (about 5 a tick,
        // so 25 discounted), so greedy choice tries every action in a state before settling.
        private const double InitialValue = 40;

        private static readonly QTable s_table = new QTable(States, Actions, LearningRate, Discount, InitialValue);
        private static SpinLock s_lock;

        public static void Reset()
        {
            bool interrupts = s_lock.Acquire();
            s_table.Reset();
            s_lock.Release(interrupts);
        }

        public static int State(double pressurePct, double trend, bool throttled)
        {
            int band = pressurePct < 50 ? 0 : pressurePct < 70 ? 1 : pressurePct < 85 ? 2 : pressurePct < 95 ? 3 : 4;
            int direction = trend < -0.5 ? 0 : trend > 0.5 ? 2 : 1;
            return (band * 3 + direction) * 2 + (throttled ? 1 : 0);
        }

        // Epsilon-greedy; `explored` tells which way the choice went.
        public static MemoryAction Choose(int state, double epsilon, ref Xorshift64Star random, out bool explored)
        {
            explored = random.Chance(epsilon);
            if (explored)
                return (MemoryAction)random.Range(0, Actions);
            return Best(state);
        }

        public static MemoryAction Best(int state)
        {
            bool interrupts = s_lock.Acquire();
            int best = s_table.Best(state);
            s_lock.Release(interrupts);
            return (MemoryAction)best;
        }

        // One Q update, remembered for replay. False when the reward is rejected.
        public static bool Learn(int state, MemoryAction action, double reward, int next)
        {
            bool interrupts = s_lock.Acquire();
            bool applied = s_table.Learn(state, (int)action, reward, next);
            s_lock.Release(interrupts);
            return applied;
        }

        // Hot retrain: replays up to `samples` remembered transitions; returns how many were applied.
        public static int Replay(int samples)
        {
            bool interrupts = s_lock.Acquire();
            int applied = s_table.Replay(samples);
            s_lock.Release(interrupts);
            return applied;
        }

        public static bool TableIsSound()
        {
            bool interrupts = s_lock.Acquire();
            bool sound = s_table.IsSound();
            s_lock.Release(interrupts);
            return sound;
        }

        public static int ReplayCount => s_table.ReplayCount;

        public static bool RewardGuard
        {
            get => s_table.RewardGuard;
            set => s_table.RewardGuard = value;
        }

        public static double Value(int state, MemoryAction action)
        {
            bool interrupts = s_lock.Acquire();
            double value = s_table.Value(state, (int)action);
            s_lock.Release(interrupts);
            return value;
        }
    }
}
